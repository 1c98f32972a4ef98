/** Strips accents and other combining marks: "São Paulo" → "Sao Paulo", "Größe" → "Große". */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}
