import { afterEach, describe, expect, it } from 'vitest';
import { installHook, isHookInstalled, uninstallHook } from '../../../src/integrations/process';

const EVENTS = ['uncaughtExceptionMonitor', 'uncaughtException', 'unhandledRejection', 'exit', 'beforeExit'] as const;
const snapshot = () => EVENTS.map((event) => process.listeners(event as 'exit').slice());

afterEach(() => uninstallHook());

describe('installHook / uninstallHook', () => {
  it('installs once however often it is called, and tells the truth', () => {
    const before = snapshot();
    expect(isHookInstalled()).toBe(false);
    installHook();
    installHook();
    expect(isHookInstalled()).toBe(true);
    expect(process.listenerCount('uncaughtExceptionMonitor')).toBe(before[0]!.length + 1);
    expect(process.listenerCount('exit')).toBe(before[3]!.length + 1);
  });

  it('adds no listener that would change what the process does', () => {
    const before = snapshot();
    installHook();
    expect(process.listenerCount('uncaughtException')).toBe(before[1]!.length);
    expect(process.listenerCount('unhandledRejection')).toBe(before[2]!.length);
  });

  it('uninstall restores every listener exactly, and is safe to repeat', () => {
    const before = snapshot();
    installHook();
    uninstallHook();
    uninstallHook();
    expect(snapshot()).toEqual(before);
    expect(isHookInstalled()).toBe(false);
  });
});
