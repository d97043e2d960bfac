import { expect } from '@open-wc/testing';
import { INPUT_NOT_RECORDED, markForReplays, NOT_RECORDED } from '../../src/core/replay.js';

describe('markForReplays', () => {
  it('puts each marker on the node: classes after the page\'s own, attributes with their values', () => {
    const node = document.createElement('div');
    node.className = 'own';
    markForReplays(node);
    expect(node.className).to.equal('own rr-block sentry-block ph-no-capture fs-exclude');
    expect(node.getAttribute('data-clarity-mask')).to.equal('true');
    expect(node.getAttribute('data-hj-suppress')).to.equal('');
    expect(node.getAttribute('data-private')).to.equal('');
    expect(node.getAttribute('data-dd-privacy')).to.equal('hidden');
  });

  it('marks an input to be recorded without what is typed', () => {
    const input = document.createElement('input');
    markForReplays(input, INPUT_NOT_RECORDED);
    expect([...input.classList]).to.deep.equal(['rr-ignore', 'sentry-mask', 'fs-mask']);
    expect(input.getAttribute('data-dd-privacy')).to.equal('mask-user-input');
    expect(input.classList.contains('rr-block'), 'the field itself stays in the replay').to.equal(false);
  });

  it('writes nothing the second time (a recorder logs every attribute write), and keeps a value the page chose', async () => {
    const node = document.createElement('div');
    node.setAttribute('data-dd-privacy', 'mask');
    markForReplays(node);
    expect(node.getAttribute('data-dd-privacy'), "the page's own privacy level stays").to.equal('mask');
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((found) => records.push(...found));
    observer.observe(node, { attributes: true });
    markForReplays(node);
    await Promise.resolve();
    observer.disconnect();
    expect(records).to.have.length(0);
  });

  it('names each marker once, in the form markForReplays reads', () => {
    for (const markers of [NOT_RECORDED, INPUT_NOT_RECORDED]) {
      const names = markers.split(' ').map((marker) => marker.split('=')[0]);
      expect(new Set(names).size).to.equal(names.length);
      for (const marker of markers.split(' ')) expect(marker).to.match(/^(\.[a-z-]+|[a-z-]+(=[a-z-]+)?)$/);
    }
  });
});
