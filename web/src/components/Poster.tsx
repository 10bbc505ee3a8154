/**
 * A poster drawn from the title: the catalog's poster URLs point at an example domain,
 * and the app loads nothing from third parties.
 */
export function Poster({
  id,
  title,
  size = 'small',
}: {
  id: string;
  title: string;
  size?: 'small' | 'large';
}) {
  // FNV-1a: ids that differ in one character still get far-apart colours.
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hue = hash % 360;
  return (
    <div
      className={`poster poster-${size}`}
      style={{
        background: `linear-gradient(160deg, hsl(${hue} 55% 32%), hsl(${(hue + 40) % 360} 60% 14%))`,
      }}
      aria-hidden="true"
    >
      <span>{title}</span>
    </div>
  );
}
