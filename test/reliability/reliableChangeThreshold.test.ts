import { describe, expect, it } from "vitest";
import { reliableChangeThreshold } from "../../src/reliability/reliableChangeThreshold.js";
import { deepFreeze, relativeError, thrownBy } from "../helpers.js";

describe("reliableChangeThreshold", () => {
  // Worked example of R suddengains' define_crit_cutoff(sd = 10.5, reliability = 0.931), which
  // prints se 2.758, sdiff 3.901, reliable change value 7.645 (it uses the literal 1.96).
  // Hand calculation: sqrt(1 - 0.931) = sqrt(0.069) = 0.262678511;
  // sem = 10.5 * 0.262678511 = 2.75812436; sdiff = sqrt(2) * 2.75812436 = 3.90057688;
  // threshold = 1.96 * 3.90057688 = 7.64513069.
  it("reproduces the suddengains worked example with z = 1.96", () => {
    const result = reliableChangeThreshold(deepFreeze({ sd: 10.5, reliability: 0.931, z: 1.96 }));
    expect(result.sem).toBeCloseTo(2.758, 3);
    expect(result.sdiff).toBeCloseTo(3.901, 3);
    expect(result.threshold).toBeCloseTo(7.645, 3);
    expect(relativeError(result.sem, 2.75812436)).toBeLessThan(1e-8);
    expect(relativeError(result.sdiff, 3.90057688)).toBeLessThan(1e-8);
    expect(relativeError(result.threshold, 7.64513069)).toBeLessThan(1e-8);
    expect(result.z).toBe(1.96);
  });

  it("uses the exact normal quantile by default (qnorm(0.975) = 1.959963985)", () => {
    const result = reliableChangeThreshold({ sd: 10.5, reliability: 0.931 });
    expect(relativeError(result.z, 1.959963984540054)).toBeLessThan(1e-12);
    // 1.959963985 * 3.90057688 = 7.64499020
    expect(relativeError(result.threshold, 7.6449902)).toBeLessThan(1e-8);
    expect(result.level).toBe(0.95);
  });

  it("takes another level: qnorm(0.95) = 1.644853627 at level 0.90", () => {
    const result = reliableChangeThreshold({ sd: 1, reliability: 0.5, level: 0.9 });
    // sem = sqrt(0.5); sdiff = 1; threshold = 1.644853627
    expect(relativeError(result.sdiff, 1)).toBeLessThan(1e-12);
    expect(relativeError(result.threshold, 1.6448536269514722)).toBeLessThan(1e-12);
  });

  it("rejects bad sd, reliability, level and z", () => {
    expect(thrownBy(() => reliableChangeThreshold({ sd: 1e308, reliability: 0 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(
      thrownBy(() =>
        reliableChangeThreshold(null as unknown as { sd: number; reliability: number }),
      ).code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => reliableChangeThreshold({ sd: 0, reliability: 0.8 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => reliableChangeThreshold({ sd: -1, reliability: 0.8 })).path).toBe(
      "options.sd",
    );
    expect(thrownBy(() => reliableChangeThreshold({ sd: 1, reliability: 1 })).code).toBe(
      "OUT_OF_RANGE",
    );
    expect(thrownBy(() => reliableChangeThreshold({ sd: 1, reliability: -0.1 })).path).toBe(
      "options.reliability",
    );
    const notNumber = thrownBy(() =>
      reliableChangeThreshold({ sd: "10" as unknown as number, reliability: 0.8 }),
    );
    expect(notNumber.code).toBe("NOT_A_NUMBER");
    expect(notNumber.message).toContain('"10"');
    expect(thrownBy(() => reliableChangeThreshold({ sd: 1, reliability: Number.NaN })).code).toBe(
      "NOT_A_NUMBER",
    );
    expect(
      thrownBy(() => reliableChangeThreshold({ sd: 1, reliability: 0.8, level: 1 })).code,
    ).toBe("INVALID_OPTION");
    expect(thrownBy(() => reliableChangeThreshold({ sd: 1, reliability: 0.8, z: 0 })).code).toBe(
      "OUT_OF_RANGE",
    );
  });

  it("refuses an sd so small that the SEM underflows below 2.2e-308 (F12)", () => {
    const error = thrownBy(() => reliableChangeThreshold({ sd: 7e-323, reliability: 0.5 }));
    expect(error).toMatchObject({ code: "OUT_OF_RANGE", path: "options.sd" });
  });
});
