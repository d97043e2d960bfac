/**
 * What a template sets for the kit: `data-totp-autosubmit` and `data-totp-lang` on `<html>`,
 * `data-totp-code-length` there for the length of the codes B2C sends where the
 * policy changed it from 6 (B2C's page does not say it), and texts
 * in `<script type="application/json" id="totp-kit-strings">` (JSON, never run):
 * the elements' texts by group, and `errors`, the policy's own messages for too
 * many attempts (`locked`) and for the service down (`unavailable`).
 * A template's JSON is data from a page the kit does not control: only own
 * properties are read, only string values kept; each element then keeps only the
 * keys it knows.
 */
import type { QrCodeStrings } from '../elements/qr-code/qr-code.js';
import type { AuthenticatorInfoStrings } from '../elements/authenticator-info/authenticator-info.js';
import type { AppIconStrings } from '../elements/app-icon/app-icon.js';
import type { CodeInputStrings } from '../elements/code-input/code-input.js';
import type { ErrorKinds } from './texts.js';
import { own, parseClaimMap, type ClaimMap } from '../core/claim-map.js';
import { CLAIM_MAP, STRINGS } from './contract.js';

/** Texts of the server's QR image on the REST-API sample's enrollment page. */
export interface ServerQrStrings {
  /** The image's accessible name. */
  name: string;
  /** The step's heading above it. */
  heading: string;
  /** Shown in place of an image claim the kit refused (not an image, too large, missing). */
  error: string;
}

/** Texts a template gives the elements: they win over B2C's and the kit's. */
export interface PageStrings {
  qrCode?: Partial<QrCodeStrings>;
  authenticatorInfo?: Partial<AuthenticatorInfoStrings>;
  appIcon?: Partial<AppIconStrings>;
  codeInput?: Partial<CodeInputStrings>;
  serverQr?: Partial<ServerQrStrings>;
}

/** The kit's elements the bridge mounts. */
export type KitTag = 'totp-qr-code' | 'totp-authenticator-info' | 'totp-app-icon' | 'totp-code-input';

export interface BridgeOptions {
  /** The language the template forces (`data-totp-lang` on `<html>`), in place of B2C's `<html lang>`: set as `lang` on every element the bridge mounts. */
  readonly language?: string;
  /** Submit B2C's form when the last digit arrives (off by default: B2C does not auto-submit this page, and a second post of a single-use code fails). */
  readonly autosubmit?: boolean;
  /** Which claim ids hold the TOTP values (`#totp-kit-claims`); none on B2C's display-control pages. */
  readonly claims?: ClaimMap;
  /** The number of digits of the codes B2C sends (e-mail, text message), where the policy's CodeLength is not 6. */
  readonly codeLength?: number;
  /** Texts that win over B2C's and the kit's defaults. */
  readonly strings?: PageStrings;
  /** A policy's own messages for too many attempts and for the service down, where it changed B2C's. */
  readonly errors?: ErrorKinds;
  /**
   * Defines an element the page needs and is not yet defined: the template's
   * script loads the enrollment or the verification elements only when B2C
   * shows that page. Without it, the elements must already be defined.
   */
  readonly load?: (tag: KitTag) => Promise<unknown>;
  /**
   * The REST-API sample page's texts in the page's language (the template's script
   * loads its language's module); without it, or where it resolves to nothing,
   * English. `strings.serverQr` still wins.
   */
  readonly serverQrTexts?: () => Promise<Partial<ServerQrStrings> | readonly string[] | undefined>;
}

const GROUPS = ['qrCode', 'authenticatorInfo', 'appIcon', 'codeInput', 'serverQr'] as const;

/** The own string-valued properties of `value`, in a fresh object; nothing else. */
export function ownTexts(value: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return texts;
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') texts[key] = text;
  return texts;
}

/** A template's lists of messages by kind, as data: own arrays of strings only. */
export function errorKinds(json: unknown): ErrorKinds {
  const kinds: Record<string, string[]> = {};
  for (const kind of ['locked', 'unavailable']) {
    const list = own(own(json, 'errors'), kind);
    if (Array.isArray(list)) kinds[kind] = list.filter((item): item is string => typeof item === 'string');
  }
  return kinds;
}

/** A template's texts, as data: each known group's own string values; anything else is dropped. */
export function pageStrings(json: unknown): PageStrings {
  const strings: Record<string, Record<string, string>> = {};
  for (const group of GROUPS) if (own(json, group) !== undefined) strings[group] = ownTexts(own(json, group));
  return strings;
}

/** The JSON in the template's `<script type="application/json" id=…>`, or undefined (with a warning) when it is not JSON. */
function jsonData(doc: Document, id: string): unknown {
  const text = doc.getElementById(id)?.textContent;
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    console.warn(`b2c-totp-kit: #${id} is not valid JSON; ignored`);
    return undefined;
  }
}

export function readOptions(doc: Document): BridgeOptions {
  const json = jsonData(doc, STRINGS);
  const root = doc.documentElement;
  // The element keeps only a whole number from 4 to 10.
  const codeLength = Number(root.getAttribute('data-totp-code-length')) || undefined;
  return {
    autosubmit: root.hasAttribute('data-totp-autosubmit'),
    codeLength,
    language: root.getAttribute('data-totp-lang')?.trim() || undefined,
    strings: pageStrings(json),
    errors: errorKinds(json),
    claims: parseClaimMap(jsonData(doc, CLAIM_MAP)),
  };
}
