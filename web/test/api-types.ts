// Compiled, never run: pins that the client generated from the served API description knows
// the routes, their parameters and their bodies. Each @ts-expect-error line must fail to
// type-check; if the document stopped describing a rule, tsc reports the unused directive.
import { api, type Schemas } from "../src/api/client";

export async function calls(): Promise<void> {
  const signedIn = await api.POST("/v1/browser-sessions", {
    body: { email: "coach@example.fi", password: "a long passphrase" },
  });
  const token: string | undefined = signedIn.data?.csrf_token;
  void token;

  const orders = await api.GET("/v1/orders", { params: { query: { state: "accepted" } } });
  const first: Schemas["order-summary-list"]["items"][number] | undefined = orders.data?.items[0];
  const provider: string | undefined = first?.provider_name;
  const region: string | null | undefined = first?.customer_region;
  void provider;
  void region;

  const set = await api.POST("/v1/choice-sets", {
    body: { category_id: "c", customer_id: "k" },
  });
  const entries = set.data?.entries.map((e) => e.offering_id);
  void entries;

  // @ts-expect-error an order state the API does not have
  await api.GET("/v1/orders", { params: { query: { state: "lost" } } });
  // @ts-expect-error the sign-in body needs a password
  await api.POST("/v1/browser-sessions", { body: { email: "coach@example.fi" } });
  // @ts-expect-error no such route
  await api.GET("/v1/no-such-route");
  // @ts-expect-error a nullable field is not a plain string
  const reference: string = first!.customer_reference;
  void reference;
}
