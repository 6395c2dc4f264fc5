import { CONSOLE_AREAS, type ConsoleArea, type Role } from "@survey/contract";
import type { IconName } from "../shared/components/icon";
import { strings } from "../shared/strings";

interface NavItem {
  area: ConsoleArea;
  path: string;
  label: string;
  icon: IconName;
  /** Who may open the page: the contract's roles for its area, which the server enforces too. */
  roles: readonly Role[];
}

interface NavGroup {
  label: string;
  items: NavItem[];
}

const { nav } = strings;

const item = (area: ConsoleArea, icon: IconName): NavItem => ({
  area,
  path: `/${area}`,
  label: nav[area],
  icon,
  roles: CONSOLE_AREAS[area],
});

/** The console's pages, grouped as the side navigation shows them. */
const navGroups: NavGroup[] = [
  {
    label: nav.groupFieldwork,
    items: [
      item("monitor", "gauge"),
      item("entry", "clipboard"),
      item("posters", "qr"),
      item("responses", "clipboard"),
    ],
  },
  {
    label: nav.groupAnalysis,
    items: [
      item("results", "chart"),
      item("crosstab", "table"),
      item("comments", "log"),
      item("trends", "calendar"),
      item("indicators", "clipboard"),
      item("comparison", "gauge"),
      item("warnings", "chart"),
      item("benchmarks", "table"),
      item("recommendations", "clipboard"),
      item("submissions", "log"),
    ],
  },
  {
    label: nav.groupSettings,
    items: [
      item("frame", "map"),
      item("questionnaires", "clipboard"),
      item("waves", "calendar"),
      item("users", "users"),
      item("audit", "log"),
    ],
  },
];

export function navGroupsFor(role: Role): NavGroup[] {
  return navGroups
    .map((group) => ({ ...group, items: group.items.filter((entry) => entry.roles.includes(role)) }))
    .filter((group) => group.items.length > 0);
}

export function canOpen(role: Role, area: ConsoleArea): boolean {
  return (CONSOLE_AREAS[area] as readonly Role[]).includes(role);
}

/** Where a user lands after sign-in: the first page their role may open. */
export function homePathFor(role: Role): string {
  return navGroupsFor(role)[0]?.items[0]?.path ?? "/monitor";
}
