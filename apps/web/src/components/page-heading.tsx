/** A signed-in page's title and the line under it. */
export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  return (
    <div>
      <h1 className="text-2xl font-bold">{title}</h1>
      {lead ? <p className="text-muted">{lead}</p> : null}
    </div>
  );
}
