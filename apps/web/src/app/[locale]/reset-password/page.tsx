import { linkPage, linkPageMetadata } from "@/components/auth/link-page";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const generateMetadata = linkPageMetadata("resetPassword", "/reset-password");

export default linkPage("resetTitle", ResetPasswordForm);
