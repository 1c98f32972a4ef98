import { notFound } from "next/navigation";

/** Any other path under a language: the localized not-found page. */
export default function CatchAll() {
  notFound();
}
