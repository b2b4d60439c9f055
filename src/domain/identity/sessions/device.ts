/**
 * A person's name for the device behind a session, from its User-Agent: "Chrome on Windows",
 * "Safari on iPhone", "Firefox on Android". Only the browser family and the operating system are
 * read, which is what someone needs to recognise their own devices; versions are left out.
 */
export type Device = {
  /** Browser family ("Chrome", "Safari"), or a client program ("curl"), or null when unknown. */
  browser: string | null
  /** Operating system or device ("Windows", "macOS", "iPhone", "Android"), or null when unknown. */
  os: string | null
  /** True for phones and tablets. */
  mobile: boolean
  /** What to show: "Chrome on Windows", "Chrome", "Unknown device". */
  label: string
}

type Rule = [RegExp, string]

// Order matters: browsers built on Chromium say "Chrome" and "Safari" too, so they come first.
const BROWSERS: Rule[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bMobile\/\w+.*\bSafari\//, 'Safari'],
  [/\bTrident\/|\bMSIE /, 'Internet Explorer'],
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^PostmanRuntime\//, 'Postman'],
  [/^insomnia\//i, 'Insomnia'],
  [/^python-requests\/|^python-httpx\/|^aiohttp\//i, 'Python'],
  [/^(node|node-fetch|undici|axios)\b/i, 'Node.js'],
  [/^okhttp\//i, 'OkHttp'],
  [/^Go-http-client\//, 'Go'],
]

const SYSTEMS: Rule[] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows Phone\b/, 'Windows Phone'],
  [/\bWindows\b|\bWin64\b|\bWin32\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bUbuntu\b/, 'Ubuntu'],
  [/\bFedora\b/, 'Fedora'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
]

const first = (rules: Rule[], ua: string) => rules.find(([pattern]) => pattern.test(ua))?.[1] ?? null

export function describeDevice(userAgent: string | null | undefined): Device {
  const ua = (userAgent ?? '').trim()
  if (!ua) return { browser: null, os: null, mobile: false, label: 'Unknown device' }
  const browser = first(BROWSERS, ua)
  const os = first(SYSTEMS, ua)
  const mobile = /\b(Mobi|iPhone|iPad|iPod|Android|Windows Phone)\b/.test(ua)
  const label = browser && os ? `${browser} on ${os}` : (browser ?? os ?? 'Unknown device')
  return { browser, os, mobile, label }
}
