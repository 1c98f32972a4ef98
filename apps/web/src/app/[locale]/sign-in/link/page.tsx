import { linkPage, linkPageMetadata } from "@/components/auth/link-page";
import { SignInLink } from "@/components/auth/sign-in-link";

export const generateMetadata = linkPageMetadata("signInLink", "/sign-in/link");

export default linkPage("linkTitle", SignInLink);
