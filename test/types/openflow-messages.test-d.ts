/**
 * The OpenFlow message union is exhaustive under `switch (m.type)` (STYLE.md principle 4): a switch
 * with a case per tag leaves `never` in `default`, and leaving one tag out does not compile. Every
 * `@ts-expect-error` line must fail to compile (tsc reports an unused directive otherwise). A new
 * message type makes ALL_TAGS below fail to compile until it is listed, so this test follows the union.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { FlowMod, MultipartReply, OfMessage, OfMessageType, PacketIn } from '../../src/openflow/index.js';

/** Every `type` tag of OfMessage, once. */
const ALL_TAGS = [
  'hello',
  'error',
  'echoRequest',
  'echoReply',
  'experimenter',
  'featuresRequest',
  'featuresReply',
  'getConfigRequest',
  'getConfigReply',
  'setConfig',
  'packetIn',
  'flowRemoved',
  'portStatus',
  'packetOut',
  'flowMod',
  'groupMod',
  'portMod',
  'tableMod',
  'multipartRequest',
  'multipartReply',
  'barrierRequest',
  'barrierReply',
  'roleRequest',
  'roleReply',
  'getAsyncRequest',
  'getAsyncReply',
  'setAsync',
  'meterMod',
  'bundleControl',
  'bundleAdd',
  'nxSetFlowFormat',
  'nxSetPacketInFormat',
  'nxSetControllerId',
  'nxCtFlushZone',
  'nxRoleRequest',
  'nxRoleReply',
  'nxSetAsyncConfig',
  'nxFlowModTableId',
  'nxTlvTableMod',
  'nxTlvTableRequest',
  'nxTlvTableReply',
  'nxPacketIn2',
  'nxResume',
  'flowMonitorCancel',
  'flowMonitorPaused',
  'flowMonitorResumed',
  'roleStatus',
  'requestForward',
  'nxGroupMod',
  'nxFlowMod',
  'nxPacketIn',
  'nxFlowRemoved',
  'nxCtFlush',
  'queueGetConfigRequest',
  'queueGetConfigReply',
  'tableStatus',
  'controllerStatus',
  'unknown',
] as const;

/** Every tag handled: what is left in `default` is `never`. */
function tagOf(m: OfMessage): OfMessageType {
  switch (m.type) {
    case 'hello':
    case 'error':
    case 'echoRequest':
    case 'echoReply':
    case 'experimenter':
    case 'featuresRequest':
    case 'featuresReply':
    case 'getConfigRequest':
    case 'getConfigReply':
    case 'setConfig':
    case 'packetIn':
    case 'flowRemoved':
    case 'portStatus':
    case 'packetOut':
    case 'flowMod':
    case 'groupMod':
    case 'portMod':
    case 'tableMod':
    case 'multipartRequest':
    case 'multipartReply':
    case 'barrierRequest':
    case 'barrierReply':
    case 'roleRequest':
    case 'roleReply':
    case 'getAsyncRequest':
    case 'getAsyncReply':
    case 'setAsync':
    case 'meterMod':
    case 'bundleControl':
    case 'bundleAdd':
    case 'nxSetFlowFormat':
    case 'nxSetPacketInFormat':
    case 'nxSetControllerId':
    case 'nxCtFlushZone':
    case 'nxRoleRequest':
    case 'nxRoleReply':
    case 'nxSetAsyncConfig':
    case 'nxFlowModTableId':
    case 'nxTlvTableMod':
    case 'nxTlvTableRequest':
    case 'nxTlvTableReply':
    case 'nxPacketIn2':
    case 'nxResume':
    case 'flowMonitorCancel':
    case 'flowMonitorPaused':
    case 'flowMonitorResumed':
    case 'roleStatus':
    case 'requestForward':
    case 'nxGroupMod':
    case 'nxFlowMod':
    case 'nxPacketIn':
    case 'nxFlowRemoved':
    case 'nxCtFlush':
    case 'queueGetConfigRequest':
    case 'queueGetConfigReply':
    case 'tableStatus':
    case 'controllerStatus':
    case 'unknown':
      return m.type;
    default: {
      expectTypeOf(m).toBeNever();
      const rest: never = m;
      return rest;
    }
  }
}

describe('OfMessage is a closed, discriminated union', () => {
  it('ALL_TAGS is exactly OfMessageType (a new message type must be listed here)', () => {
    expectTypeOf(ALL_TAGS).items.toEqualTypeOf<OfMessageType>();
    expectTypeOf(tagOf).returns.toEqualTypeOf<OfMessageType>();
  });

  it('a switch over type with every case compiles with never in default', () => {
    expectTypeOf(tagOf).parameter(0).toEqualTypeOf<OfMessage>();
  });

  it('a switch missing a case (here flowMod) does not compile at the never check', () => {
    const missingFlowMod = (m: OfMessage): string => {
      switch (m.type) {
        case 'hello':
        case 'error':
        case 'echoRequest':
        case 'echoReply':
        case 'experimenter':
        case 'featuresRequest':
        case 'featuresReply':
        case 'getConfigRequest':
        case 'getConfigReply':
        case 'setConfig':
        case 'packetIn':
        case 'flowRemoved':
        case 'portStatus':
        case 'packetOut':
        case 'groupMod':
        case 'portMod':
        case 'tableMod':
        case 'multipartRequest':
        case 'multipartReply':
        case 'barrierRequest':
        case 'barrierReply':
        case 'roleRequest':
        case 'roleReply':
        case 'getAsyncRequest':
        case 'getAsyncReply':
        case 'setAsync':
        case 'meterMod':
        case 'bundleControl':
        case 'bundleAdd':
        case 'nxSetFlowFormat':
        case 'nxSetPacketInFormat':
        case 'nxSetControllerId':
        case 'nxCtFlushZone':
        case 'nxRoleRequest':
        case 'nxRoleReply':
        case 'nxSetAsyncConfig':
        case 'nxFlowModTableId':
        case 'nxTlvTableMod':
        case 'nxTlvTableRequest':
        case 'nxTlvTableReply':
        case 'nxPacketIn2':
        case 'nxResume':
        case 'flowMonitorCancel':
        case 'flowMonitorPaused':
        case 'flowMonitorResumed':
        case 'roleStatus':
        case 'requestForward':
        case 'nxGroupMod':
        case 'nxFlowMod':
        case 'nxPacketIn':
        case 'nxFlowRemoved':
        case 'nxCtFlush':
        case 'queueGetConfigRequest':
        case 'queueGetConfigReply':
        case 'tableStatus':
        case 'controllerStatus':
        case 'unknown':
          return m.type;
        default: {
          // What is left is exactly the unhandled member.
          expectTypeOf(m).toEqualTypeOf<FlowMod>();
          // @ts-expect-error — flowMod is not handled, so m is FlowMod here, not never.
          const rest: never = m;
          return rest;
        }
      }
    };
    expectTypeOf(missingFlowMod).toBeFunction();
  });

  it('a case narrows to its member type', () => {
    const f = (m: OfMessage): void => {
      switch (m.type) {
        case 'flowMod':
          expectTypeOf(m).toEqualTypeOf<FlowMod>();
          return;
        case 'packetIn':
          expectTypeOf(m).toEqualTypeOf<PacketIn>();
          return;
        case 'multipartReply':
          expectTypeOf(m).toEqualTypeOf<MultipartReply>();
          return;
        default:
          expectTypeOf(m).not.toEqualTypeOf<FlowMod>();
      }
    };
    expectTypeOf(f).toBeFunction();
  });

  it('a tag that is not in the union does not compile', () => {
    const g = (m: OfMessage): boolean =>
      // @ts-expect-error — 'flowModify' is no OfMessage type.
      m.type === 'flowModify';
    expectTypeOf(g).returns.toBeBoolean();
  });
});
