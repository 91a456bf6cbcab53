import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interfaceRates, parseNetDev } from './netCounters.js';

const netDev = (lo: [number, number], eth0: [number, number], extra = '') =>
  [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    `    lo: ${lo[0]}     595    0    0    0     0          0         0 ${lo[1]}     595    0    0    0     0       0          0`,
    `  eth0:${eth0[0]}   16514    0    0    0     0          0         0  ${eth0[1]}   13080    0    0    0     0       0          0`,
    extra,
  ].join('\n');

test('parses rx and tx bytes per interface, also when the name runs into the first number', () => {
  const counters = parseNetDev(netDev([44256, 44257], [331442497, 1609980]));
  assert.deepEqual(
    [...counters],
    [
      ['lo', { rxBytes: 44256, txBytes: 44257 }],
      ['eth0', { rxBytes: 331442497, txBytes: 1609980 }],
    ],
  );
});

test('bytes per second over the window, loopback left out', () => {
  const before = parseNetDev(netDev([1000, 1000], [10_000, 5_000]));
  const after = parseNetDev(netDev([901_000, 901_000], [15_000, 5_250]));
  const rates = interfaceRates(before, after, 500, (iface) => iface === 'lo');
  assert.deepEqual(rates, [{ iface: 'eth0', rx_bytes_per_sec: 10_000, tx_bytes_per_sec: 500 }]);
});

test('a reset counter reads 0 and an interface seen only once is skipped', () => {
  const extra = '  wg0: 7 0 0 0 0 0 0 0 9 0 0 0 0 0 0 0';
  const before = parseNetDev(netDev([0, 0], [50_000, 50_000]));
  const after = parseNetDev(netDev([0, 0], [100, 2_050_000], extra));
  const rates = interfaceRates(before, after, 1000, () => false);
  assert.deepEqual(rates, [
    { iface: 'lo', rx_bytes_per_sec: 0, tx_bytes_per_sec: 0 },
    { iface: 'eth0', rx_bytes_per_sec: 0, tx_bytes_per_sec: 2_000_000 },
  ]);
  assert.deepEqual(
    interfaceRates(before, after, 0, () => false),
    [],
  );
});
