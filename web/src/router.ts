// Pages are real paths (bookmarkable, shareable, back button works); links change the path
// through the History API without a reload.
import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();
let moved = false;

export function navigate(path: string): void {
  history.pushState(null, "", path);
  pageChanged();
  listeners.forEach((f) => f());
  window.scrollTo(0, 0);
}

// A new page is drawn in place of the old one (a path, or a step such as "confirm the order"):
// the focus, which was on something of the old page, is then given to the new page's main
// content (Layout), so a keyboard or screen reader user goes on from its start.
export function pageChanged(): void {
  moved = true;
}

export function takePageChange(): boolean {
  const was = moved;
  moved = false;
  return was;
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener("popstate", update);
    update(); // a navigation between the render and this effect is not missed
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return path;
}

// "/orders/:id" against "/orders/abc" → { id: "abc" }, or null when it does not match.
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const a = path.split("/");
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; ++i) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

// Follows same-origin links inside the page instead of reloading it.
export function interceptLinks(): void {
  document.addEventListener("click", (e) => {
    const target = (e.target as Element | null)?.closest("a");
    if (!target || e.defaultPrevented || e.button !== 0) return;
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = target.getAttribute("href");
    if (!href || !href.startsWith("/") || href.startsWith("/v1/") || target.hasAttribute("download"))
      return;
    e.preventDefault();
    navigate(href);
  });
}
