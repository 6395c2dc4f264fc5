/**
 * Keeps the app shell on the phone (the service worker built by vite.config.ts), so a reload without network
 * opens the app with the answers saved here. Registered once the questionnaire is open — when there are
 * answers to come back to — so it never competes with the first screens for a slow connection.
 */
export function keepAppShellOffline(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // No service worker (some WebViews, private modes, the Vite dev server): everything works, only an offline
    // reload does not.
  });
}
