import { expect } from '@open-wc/testing';
import { canOpenAppLinks, detectPlatform } from '../../src/core/platform.js';

const agents = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ipadDesktopMode: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  android: 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  linuxFirefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
};

describe('detectPlatform', () => {
  it('knows iPhone, Android and desktops', () => {
    expect(detectPlatform({ userAgent: agents.iphone })).to.equal('ios');
    expect(detectPlatform({ userAgent: agents.android })).to.equal('android');
    expect(detectPlatform({ userAgent: agents.windows })).to.equal('desktop');
    expect(detectPlatform({ userAgent: agents.linuxFirefox })).to.equal('desktop');
  });

  it('sees an iPad behind its desktop user agent by its touch points', () => {
    expect(detectPlatform({ userAgent: agents.ipadDesktopMode, platform: 'MacIntel', maxTouchPoints: 5 })).to.equal('ios');
    expect(detectPlatform({ userAgent: agents.ipadDesktopMode, platform: 'MacIntel', maxTouchPoints: 0 })).to.equal('desktop');
  });
});

describe('canOpenAppLinks', () => {
  it('is true on phones and tablets and false on desktops', () => {
    expect(canOpenAppLinks({ userAgent: agents.iphone })).to.equal(true);
    expect(canOpenAppLinks({ userAgent: agents.android })).to.equal(true);
    expect(canOpenAppLinks({ userAgent: agents.windows, coarsePointer: false })).to.equal(false);
  });

  it('trusts a mobile hint or a coarse primary pointer', () => {
    expect(canOpenAppLinks({ userAgent: agents.windows, mobile: true })).to.equal(true);
    expect(canOpenAppLinks({ userAgent: agents.linuxFirefox, coarsePointer: true })).to.equal(true);
  });
});
