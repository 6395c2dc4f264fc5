import type { Role } from "@survey/contract";
import type { IconName } from "../components/icon";
import { strings } from "../strings";

export interface NavItem {
  path: string;
  label: string;
  icon: IconName;
  roles: readonly Role[];
  /** Shown but not yet built (a later release). */
  later?: boolean;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

const { nav } = strings;

/** The console's pages and who may open them; the server enforces the same roles. */
export const navGroups: NavGroup[] = [
  {
    label: nav.groupFieldwork,
    items: [
      { path: "/monitor", label: nav.monitor, icon: "gauge", roles: ["admin", "office", "staff"] },
      { path: "/entry", label: nav.entry, icon: "clipboard", roles: ["admin", "staff"] },
      { path: "/posters", label: nav.posters, icon: "qr", roles: ["admin", "staff"] },
    ],
  },
  {
    label: nav.groupAnalysis,
    items: [
      { path: "/results", label: nav.results, icon: "chart", roles: ["admin", "office"] },
      { path: "/crosstab", label: nav.crosstab, icon: "table", roles: ["admin", "office"] },
      { path: "/trends", label: nav.trends, icon: "calendar", roles: ["admin", "office"] },
      { path: "/indicators", label: nav.indicators, icon: "clipboard", roles: ["admin", "office", "department"] },
      { path: "/comparison", label: nav.comparison, icon: "gauge", roles: ["admin", "office"] },
    ],
  },
  {
    label: nav.groupSettings,
    items: [
      { path: "/frame", label: nav.frame, icon: "map", roles: ["admin"] },
      { path: "/waves", label: nav.waves, icon: "calendar", roles: ["admin"] },
      { path: "/users", label: nav.users, icon: "users", roles: ["admin"] },
      { path: "/audit", label: nav.audit, icon: "log", roles: ["admin"] },
    ],
  },
];

export function navGroupsFor(role: Role): NavGroup[] {
  return navGroups
    .map((group) => ({ ...group, items: group.items.filter((item) => item.roles.includes(role)) }))
    .filter((group) => group.items.length > 0);
}

export function canOpen(role: Role, path: string): boolean {
  return navGroups.some((group) => group.items.some((item) => item.path === path && item.roles.includes(role)));
}

/** Where a user lands after sign-in: the first page their role may open. */
export function homePathFor(role: Role): string {
  return navGroupsFor(role)[0]?.items[0]?.path ?? "/monitor";
}
