import type { Page } from "playwright-core";

/** Signs in through the console's sign-in page and waits for the first page of the user's role. */
export async function signInThroughPage(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/console/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByRole("navigation", { name: "主菜单" }).waitFor();
}

export async function signOutThroughPage(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.getByRole("heading", { name: "登录" }).waitFor();
}

/** The visible labels of the side navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "主菜单" }).getByRole("link");
  return (await links.allInnerTexts()).map((text) => text.split("\n")[0]?.trim() ?? "");
}
