import type { MenuProps } from "antd";
import type { Access } from "../access";
import { menuGroupLabels, routes, type MenuGroup } from "../routes";

type MenuItem = Required<MenuProps>["items"][number];

const groupOrder: MenuGroup[] = ["work", "content", "manage", "self"];

/** The side menu: built pages the staff member may open, grouped; empty groups are left out. */
export function menuItemsFor(rights: Access): MenuItem[] {
  const visible = routes.filter((route) => route.frame === "admin" && route.page !== null && route.access && rights[route.access]);
  const itemsOf = (group: MenuGroup | undefined) =>
    visible.filter((route) => route.menuGroup === group).map((route) => ({ key: route.path, icon: route.icon, label: route.title }));
  const groups = groupOrder.flatMap((group): MenuItem[] => {
    const children = itemsOf(group);
    return children.length > 0 ? [{ type: "group", key: group, label: menuGroupLabels[group], children }] : [];
  });
  return [...itemsOf(undefined), ...groups];
}

/** The menu key of the current address: the route whose path is the longest prefix of it. */
export function selectedMenuKey(pathname: string): string {
  const matches = routes
    .filter((route) => route.frame === "admin")
    .map((route) => route.path)
    .filter((path) => (path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? pathname;
}
