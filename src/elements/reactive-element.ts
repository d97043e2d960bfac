/**
 * The kit's reactive base: the reactive-property contract of LitElement that
 * the four elements use, and nothing else. It draws nothing itself: KitElement
 * (kit-element.ts) renders lit-html templates into a shadow root; the code
 * input draws its few light-DOM nodes itself, so that the page every sign-in
 * shows loads no template engine at all.
 *
 * What it keeps of LitElement: `static properties` (attribute name, `type`
 * Boolean, Number or Object, `reflect`, `state`), class fields that go through
 * the accessors (`useDefineForClassFields: false`), updates batched in a
 * microtask once connected, `willUpdate`, `update`, `updated` with the changed
 * properties, `updateComplete` (rejected when an update throws), and properties
 * set before the class was defined. What it leaves out: controllers,
 * `shouldUpdate`, `firstUpdated`, custom converters and `hasChanged`, SSR.
 * Together with KitElement it is about 1 KB gzip where LitElement and
 * ReactiveElement are 2.4 KB (measured in `npm run bench`).
 */

/** What a `static properties` entry may say, as LitElement reads it. */
export interface PropertyOptions {
  /** The attribute's name, or false for none; the property's name lowercased by default. */
  readonly attribute?: string | false;
  /** How the attribute's text becomes the property's value. */
  readonly type?: BooleanConstructor | NumberConstructor | ObjectConstructor;
  /** Sets the attribute from the property (Boolean properties only, here). */
  readonly reflect?: boolean;
  /** Internal state: reactive, with no attribute. */
  readonly state?: boolean;
}

/** The properties changed since the last update, with their previous values. */
export type PropertyValues = Map<PropertyKey, unknown>;

type Properties = Readonly<Record<string, PropertyOptions>>;

/** Per class: property name by attribute name, made when the class is defined. */
const attributesOf = new WeakMap<object, Map<string, string>>();

const attributeName = (name: string, options: PropertyOptions) =>
  options.state || options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();

function fromAttribute(value: string | null, type: PropertyOptions['type']): unknown {
  if (type === Boolean) return value !== null;
  if (value === null) return type === Object ? undefined : value;
  if (type === Number) return Number(value);
  if (type === Object) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined; // not JSON: the element keeps its defaults
    }
  }
  return value;
}

export class ReactiveKitElement extends HTMLElement {
  static properties: Properties = {};

  /** Makes the accessors of `static properties` once per class; the custom element registry asks for the attributes. */
  static get observedAttributes(): string[] {
    if (!attributesOf.has(this)) {
      const attributes = new Map<string, string>();
      for (const [name, options] of Object.entries(this.properties)) {
        const attribute = attributeName(name, options);
        if (attribute) attributes.set(attribute, name);
        const key = Symbol(name);
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          get(this: Record<symbol, unknown>) {
            return this[key];
          },
          set(this: ReactiveKitElement & Record<symbol, unknown>, value: unknown) {
            const old = this[key];
            this[key] = value;
            this.requestUpdate(name, old);
          },
        });
      }
      attributesOf.set(this, attributes);
    }
    return [...attributesOf.get(this)!.keys()];
  }

  #changed: PropertyValues = new Map();
  /** An update is scheduled and has not yet rendered. */
  #pending = true;
  #connect!: () => void;
  readonly #connected = new Promise<void>((resolve) => (this.#connect = resolve));
  /** Properties set on the instance before the class was defined: they go through the accessors at the first update. */
  readonly #saved = new Map<string, unknown>();
  #updatePromise: Promise<boolean>;
  /** An attribute being written from its property: not read back. */
  #reflecting?: string;

  constructor() {
    super();
    for (const name of Object.keys((this.constructor as typeof ReactiveKitElement).properties)) {
      if (!Object.hasOwn(this, name)) continue;
      this.#saved.set(name, (this as unknown as Record<string, unknown>)[name]);
      delete (this as unknown as Record<string, unknown>)[name];
    }
    // The first update waits for the first connection, as LitElement's does.
    this.#updatePromise = this.#update();
  }

  connectedCallback(): void {
    this.#connect();
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    if (attribute === this.#reflecting) return;
    const name = attributesOf.get(this.constructor)?.get(attribute);
    if (name) (this as unknown as Record<string, unknown>)[name] = fromAttribute(value, (this.constructor as typeof ReactiveKitElement).properties[name].type);
  }

  /** Resolves once the element has drawn the latest changes; true when no other update is pending. Rejects when an update threw. */
  get updateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  /** Schedules an update for a change of `name` (from `old`); a change equal to the value is none. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      if (Object.is((this as unknown as Record<string, unknown>)[name], old)) return;
      if (!this.#changed.has(name)) this.#changed.set(name, old);
    }
    if (this.#pending) return;
    this.#pending = true;
    const previous = this.#updatePromise;
    this.#updatePromise = previous.then(
      () => this.#update(),
      () => this.#update(),
    );
  }

  async #update(): Promise<boolean> {
    await this.#connected; // and so a microtask at least: what else changes in this task joins this update
    for (const [name, value] of this.#saved) (this as unknown as Record<string, unknown>)[name] = value;
    this.#saved.clear();
    const changed = this.#changed;
    this.#changed = new Map();
    try {
      this.willUpdate(changed);
      // Changes made in willUpdate belong to this update.
      for (const [name, old] of this.#changed) if (!changed.has(name)) changed.set(name, old);
      this.#changed = new Map();
      this.#reflect(changed);
      this.update(changed);
    } finally {
      this.#pending = false;
    }
    this.updated(changed);
    return !this.#pending;
  }

  /** Sets the attributes of changed `reflect` properties (Boolean ones). */
  #reflect(changed: PropertyValues): void {
    const properties = (this.constructor as typeof ReactiveKitElement).properties;
    for (const name of changed.keys()) {
      const options = properties[name as string];
      const attribute = options?.reflect && attributeName(name as string, options);
      if (!attribute) continue;
      this.#reflecting = attribute;
      this.toggleAttribute(attribute, !!(this as unknown as Record<string, unknown>)[name as string]);
      this.#reflecting = undefined;
    }
  }

  /** Derives data from the changed properties, before the update draws. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** Draws the element for what changed: KitElement renders its template; a subclass may draw by hand. */
  protected update(_changed: PropertyValues): void {}

  /** Runs after each update, with what changed. */
  protected updated(_changed: PropertyValues): void {}
}
