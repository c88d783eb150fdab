/**
 * Ways to get a busy staff member's attention on any page: a short chime (Web Audio, no file to load),
 * a browser notification (only once permission was given; asked for from a button, never on load), and
 * a flashing tab title while something waits. Kept free of React so pages and the header share it.
 */

let audio: AudioContext | null = null;

/** Two soft tones. Browsers allow sound only after the page had a click; before that this is silent. */
export function playChime(urgent = false): void {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    const tones = urgent ? [880, 660, 880] : [660, 880];
    tones.forEach((frequency, index) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.22);
      gain.gain.exponentialRampToValueAtTime(0.2, start + index * 0.22 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.22 + 0.2);
      oscillator.connect(gain).connect(audio!.destination);
      oscillator.start(start + index * 0.22);
      oscillator.stop(start + index * 0.22 + 0.21);
    });
  } catch {
    // sound is a bonus; the badge and the title still show
  }
}

export type NotificationPermissionState = "unsupported" | NotificationPermission;

export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Asks once, from a click ("开启桌面提醒"). */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === "undefined") return "unsupported";
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** A desktop notification when allowed; clicking it brings the tab forward and runs onClick. */
export function showDesktopNotification(props: { title: string; body: string; tag: string; onClick?: () => void; requireInteraction?: boolean }): void {
  if (notificationPermission() !== "granted") return;
  try {
    const notice = new Notification(props.title, { body: props.body, tag: props.tag, requireInteraction: props.requireInteraction ?? false });
    notice.onclick = () => {
      window.focus();
      props.onClick?.();
      notice.close();
    };
  } catch {
    // some browsers only allow notifications from a service worker; the in-page signals remain
  }
}

const flashes = new Map<string, string>();
let flashTimer: number | null = null;
let baseTitle: string | null = null;

/** Flashes the tab title with `text` until stopTitleFlash(key). Several keys share one flash. */
export function startTitleFlash(key: string, text: string): void {
  flashes.set(key, text);
  if (flashTimer !== null) return;
  baseTitle = document.title;
  let on = false;
  flashTimer = window.setInterval(() => {
    on = !on;
    const first = [...flashes.values()][0];
    document.title = on && first ? first : (baseTitle ?? document.title);
  }, 1000);
}

export function stopTitleFlash(key: string): void {
  flashes.delete(key);
  if (flashes.size > 0 || flashTimer === null) return;
  window.clearInterval(flashTimer);
  flashTimer = null;
  if (baseTitle !== null) document.title = baseTitle;
  baseTitle = null;
}
