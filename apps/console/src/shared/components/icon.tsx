/** A few line icons for the navigation, drawn on a 24-unit grid. */
const paths = {
  gauge: "M12 14l4-4M4.9 19a9 9 0 1 1 14.2 0M11 14a1 1 0 1 0 2 0 1 1 0 1 0-2 0",
  clipboard: "M9 4h6v3H9zM7 5H5v16h14V5h-2M8 12h8M8 16h5",
  qr: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18h2v2M18 18h2v2h-2",
  chart: "M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3",
  table: "M4 5h16v14H4zM4 10h16M4 15h16M10 5v14",
  map: "M9 4L3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14",
  calendar: "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5",
  users:
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14c2 .8 3 2.9 3 6",
  log: "M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7",
  logout: "M10 4H5v16h5M14 8l4 4-4 4M18 12H9",
  menu: "M4 6h16M4 12h16M4 18h16",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
  upload: "M12 20V9M7 14l5-5 5 5M5 4h14",
  print: "M7 9V3h10v6M7 17H4v-8h16v8h-3M7 14h10v7H7z",
  external: "M14 4h6v6M20 4l-9 9M18 14v6H4V6h6",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
