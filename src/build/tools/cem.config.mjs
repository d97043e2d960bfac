// custom-elements.json from the elements' JSDoc: `npm run manifest`, which runs
//   custom-elements-manifest analyze --litelement --config src/build/tools/cem.config.mjs
// The analyzer writes relative to the working directory: the manifest goes to
// dist/ (package.json `customElements`), or to CEM_OUTDIR (a path relative to the
// repository) for the tests. It never rewrites package.json.
//
// The analyzer (0.11, --litelement) reads the JSDoc tags and `static properties`
// well; the plugin below fixes what it gets wrong for this code, each fix
// covered by test/node/docs.test.mjs:
// - tags: the elements register through defineElement('totp-x', Class), which it
//   does not know (it looks for customElements.define), so no tagName and no
//   custom-element-definition export;
// - `static properties` entries with `state: true` are internal reactive state,
//   but it lists them as attributes;
// - for `this.dispatchEvent(new TotpXEvent(value))` it adds a second, unnamed
//   event (or one named after the argument: `ok`, `digits`) beside the
//   documented `@event`;
// - it lists private members (`private x`, `#x`) and a stray local variable;
// - event classes: their payload (`readonly code` as a constructor parameter) is
//   missing;
// - module paths are the sources (src/elements/qr-code/qr-code.ts); consumers
//   need the published files (dist/lib/elements/qr-code/qr-code.js).

/** src/elements/qr-code/qr-code.ts → dist/lib/elements/qr-code/qr-code.js: the library mirrors src/ (src/tsconfig.lib.json). */
const publishedPath = (path) => path.replace(/^src\/(.+)\.ts$/, 'dist/lib/$1.js');

function kitPlugin() {
  /** Facts the analyze phase gathers, per module path. */
  const facts = new Map();
  const factsOf = (path) => {
    if (!facts.has(path)) facts.set(path, { tags: new Map(), states: new Map(), payloads: new Map() });
    return facts.get(path);
  };

  return {
    name: 'b2c-totp-kit',
    analyzePhase({ ts, node, moduleDoc }) {
      const module = factsOf(moduleDoc.path);
      // defineElement('totp-qr-code', TotpQrCodeElement)
      if (ts.isCallExpression(node) && node.expression.getText() === 'defineElement') {
        const [tag, klass] = node.arguments;
        if (tag && klass && ts.isStringLiteral(tag)) module.tags.set(klass.getText(), tag.text);
      }
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const className = node.name.getText();
      for (const member of node.members) {
        // static properties = { message: { state: true } }
        const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (isStatic && member.name?.getText() === 'properties' && member.initializer && ts.isObjectLiteralExpression(member.initializer)) {
          for (const property of member.initializer.properties) {
            const options = property.initializer;
            const state =
              options &&
              ts.isObjectLiteralExpression(options) &&
              options.properties.some((option) => option.name?.getText() === 'state' && option.initializer?.kind === ts.SyntaxKind.TrueKeyword);
            if (state) module.states.set(className, [...(module.states.get(className) ?? []), property.name.getText()]);
          }
        }
        // class TotpCompleteEvent extends Event { constructor(readonly code: string) }
        if (ts.isConstructorDeclaration(member)) {
          const payload = member.parameters
            .filter((parameter) => parameter.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword))
            .map((parameter) => ({ kind: 'field', name: parameter.name.getText(), type: { text: parameter.type?.getText() ?? 'unknown' }, readonly: true }));
          if (payload.length > 0) module.payloads.set(className, payload);
        }
      }
    },

    moduleLinkPhase({ moduleDoc }) {
      const module = factsOf(moduleDoc.path);
      const exported = new Set(moduleDoc.exports?.map((entry) => entry.name));
      moduleDoc.declarations = (moduleDoc.declarations ?? []).filter((declaration) => exported.has(declaration.name));
      for (const declaration of moduleDoc.declarations) {
        const tag = module.tags.get(declaration.name);
        if (tag) {
          declaration.tagName = tag;
          declaration.customElement = true;
          moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: moduleDoc.path } });
        }
        const states = module.states.get(declaration.name) ?? [];
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((attribute) => !states.includes(attribute.fieldName ?? attribute.name));
        }
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && !member.name.startsWith('#') && !states.includes(member.name),
          );
        }
        const payload = module.payloads.get(declaration.name);
        if (payload && declaration.superclass?.name === 'Event') declaration.members = [...payload, ...(declaration.members ?? [])];
        if (declaration.superclass?.name === 'Event') declaration.superclass = { name: 'Event', package: 'global:' };
        if (declaration.events) {
          // Keep the documented event; drop the analyzer's copy from the dispatchEvent call.
          declaration.events = declaration.events.filter(
            (event) => event.description || !declaration.events.some((other) => other !== event && other.description && other.type?.text === event.type?.text),
          );
        }
      }
    },

    packageLinkPhase({ customElementsManifest }) {
      const rewrite = (value) => {
        if (Array.isArray(value)) return value.map(rewrite);
        if (value && typeof value === 'object') {
          return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'path' || key === 'module' ? publishedPath(item) : rewrite(item)]));
        }
        return value;
      };
      customElementsManifest.modules = rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/elements/*/*.ts'],
  exclude: ['src/elements/*/*.styles.ts', 'src/elements/define.ts'],
  outdir: process.env.CEM_OUTDIR ?? 'dist',
  litelement: true,
  packagejson: false,
  plugins: [kitPlugin()],
};
