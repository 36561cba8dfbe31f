const view = new DataView(new ArrayBuffer(8));

function step(value: number, direction: 1 | -1): number {
  if (Number.isNaN(value) || !Number.isFinite(value)) return value;
  if (value === 0) return direction * Number.MIN_VALUE;
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const away = value > 0 === direction > 0;
  view.setBigUint64(0, away ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The next representable double above the value (the tightest value past an exclusive minimum). */
export function nextUp(value: number): number {
  return step(value, 1);
}

/** The next representable double below the value. */
export function nextDown(value: number): number {
  return step(value, -1);
}

/** Digits after the decimal point needed to write the number exactly (1e-7 has 7, 0.25 has 2). */
export function decimals(value: number): number {
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, exp.index);
    return Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  return text.split('.')[1]?.length ?? 0;
}

/** Rounds to a number of decimals, undoing binary drift such as 0.1 * 3 = 0.30000000000000004. */
export function roundTo(value: number, places: number): number {
  return Number(value.toFixed(Math.min(places, 100)));
}
