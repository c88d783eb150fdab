import { clientRateKey } from "./rateLimit";

describe("clientRateKey", () => {
  it("keys IPv4 (and IPv4-mapped) clients by their address", () => {
    expect(clientRateKey("10.1.2.3")).toBe("10.1.2.3");
    expect(clientRateKey("::ffff:10.1.2.3")).toBe("10.1.2.3");
  });

  it("keys IPv6 clients by their /64, however the address is written", () => {
    const key = clientRateKey("2409:8a00:1234:5678:aaaa:bbbb:cccc:dddd");
    expect(key).toBe("2409:8a00:1234:5678::/64");
    expect(clientRateKey("2409:8A00:1234:5678::1")).toBe(key);
    expect(clientRateKey("2409:8a00:1234:5678:0:0:0:2")).toBe(key);
    expect(clientRateKey("2409:8a00:1234:5679::1")).not.toBe(key);
    expect(clientRateKey("2409:8a00::1")).toBe("2409:8a00:0:0::/64");
    expect(clientRateKey("::1")).toBe("0:0:0:0::/64");
  });
});
