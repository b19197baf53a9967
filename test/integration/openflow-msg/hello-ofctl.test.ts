/** Our hello with a version bitmap, as the real `ovs-ofctl ofp-print` reads it (the unit test checks the bytes). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeMessage, helloFor } from '../../../src/openflow/messages/index.js';

describe('hello version bitmap against ovs-ofctl (OpenFlow 1.5.1 §7.5.1)', () => {
  it('ovs-ofctl ofp-print reads bitmap 0x04, 0x06 from our hello', () => {
    const hex = Buffer.from(encodeMessage(helloFor([0x06, 0x04], 0))).toString('hex');
    const out = execFileSync('ovs-ofctl', ['ofp-print', hex], { encoding: 'utf8' });
    expect(out).toBe('OFPT_HELLO (OF1.5) (xid=0x0):\n version bitmap: 0x04, 0x06\n');
  });
});
