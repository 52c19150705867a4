import { type Params, StripeHttpError, type StripeObject } from "./stripe-protocol";

/**
 * Billing Meters: `GET|POST /v1/billing/meters` and `POST /v1/billing/meter_events`, deduplicated by `identifier`
 * as Stripe does. `failAfter(n)` fails the meter event after `n` more accepted ones with a 500 the SDK does not
 * retry (a crash mid-report).
 */
export function createMeterRoutes(ctx: { newId(prefix: string): string }) {
  const meters = new Map<string, StripeObject>();
  const meterEvents = new Map<string, StripeObject>();
  const counters = { requests: 0, beforeFailure: -1 };
  const now = () => Math.floor(Date.now() / 1000);

  function route(method: string, segments: string[], params: Params): { body: unknown } | undefined {
    const [, resource, id, sub] = segments;
    if (resource !== "billing") return undefined;
    if (id === "meters" && !sub) {
      if (method === "GET") {
        const data = [...meters.values()].filter((m) => !params.status || m.status === params.status);
        return { body: { object: "list", data, has_more: false, url: "/v1/billing/meters" } };
      }
      const meter: StripeObject = {
        id: ctx.newId("mtr"),
        object: "billing.meter",
        display_name: params.display_name,
        event_name: params.event_name,
        default_aggregation: params.default_aggregation,
        customer_mapping: params.customer_mapping,
        value_settings: params.value_settings,
        status: "active",
        created: now(),
        livemode: false,
      };
      meters.set(meter.id, meter);
      return { body: meter };
    }
    if (id === "meter_events" && method === "POST") {
      counters.requests++;
      if (counters.beforeFailure === 0) {
        counters.beforeFailure = -1;
        throw new StripeHttpError(500, { type: "api_error", message: "Injected failure" });
      }
      const payload = (params.payload ?? {}) as Params;
      if (!payload.stripe_customer_id || !/^\d+$/.test(String(payload.value))) {
        throw new StripeHttpError(400, {
          type: "invalid_request_error",
          message: "payload needs stripe_customer_id and a whole number value",
          param: "payload",
        });
      }
      const identifier = String(params.identifier ?? ctx.newId("mev"));
      const event = meterEvents.get(identifier) ?? {
        id: identifier,
        object: "billing.meter_event",
        event_name: params.event_name,
        identifier,
        payload,
        timestamp: Number(params.timestamp ?? now()),
        created: now(),
        livemode: false,
      };
      meterEvents.set(identifier, event);
      if (counters.beforeFailure > 0) counters.beforeFailure--;
      return { body: event };
    }
    return undefined;
  }

  return {
    meters,
    meterEvents,
    counters,
    failAfter: (successes: number) => {
      counters.beforeFailure = successes;
    },
    route,
  };
}
