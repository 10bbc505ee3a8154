import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const products = [
  { upc: 'p1', name: 'Table', price: { USD: 100, EUR: 90 }, weight: { KG: 10, LB: 22 } },
  { upc: 'p2', name: 'Couch', price: { USD: 200, EUR: 180 }, weight: { KG: 40, LB: 88 } },
  // Free in the EU, and weightless: required values of 0 must still reach shipping.
  { upc: 'p3', name: 'Voucher', price: { USD: 5, EUR: 0 }, weight: { KG: 0, LB: 0 } },
];
const zoneRates: Record<string, number> = { US: 1, EU: 3 };

type Product = (typeof products)[number];

/**
 * Arguments around @requires: a literal argument inside the field set
 * (`price(currency: EUR)`), a required field taking its default argument (`weight`, in
 * KG), and a requiring field whose own argument comes as a literal, a variable or its
 * default. The client also asks the required fields with other arguments, which the
 * gateway must keep apart from the ones it fetches for shipping. A variable inside the
 * field set (`price(currency: $c)`) does not compose ("Invalid value $c"), so it is not here.
 */
export const requiresWithArguments: Scenario = {
  name: 'requires-with-arguments',
  group: '@requires',
  description:
    'Required fields with a literal or a default argument, a requiring field with a literal, variable or default argument, and client copies of the required fields with other arguments.',
  subgraphs: [
    {
      name: 'products',
      typeDefs: `${federation2('@key')}
        type Query { products: [Product!]! product(upc: String!): Product }
        enum Currency { USD EUR }
        enum WeightUnit { KG LB }
        type Product @key(fields: "upc") {
          upc: String!
          name: String!
          price(currency: Currency! = USD): Int!
          weight(unit: WeightUnit! = KG): Int!
        }`,
      resolvers: {
        Query: {
          products: () => products,
          product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc),
          price: (product: Product, { currency }: { currency: 'USD' | 'EUR' }) =>
            product.price[currency],
          weight: (product: Product, { unit }: { unit: 'KG' | 'LB' }) => product.weight[unit],
        },
      },
    },
    {
      name: 'shipping',
      typeDefs: `${federation2('@key', '@external', '@requires')}
        enum Currency { USD EUR }
        enum WeightUnit { KG LB }
        type Product @key(fields: "upc") {
          upc: String!
          price(currency: Currency! = USD): Int! @external
          weight(unit: WeightUnit! = KG): Int! @external
          eurTax: Int! @requires(fields: "price(currency: EUR)")
          shippingEstimate(zone: String! = "US"): Int! @requires(fields: "weight")
        }`,
      resolvers: {
        Product: {
          // 20% of the price in euros.
          eurTax: (product: { price: number }) => product.price / 5,
          // The weight in KG (the default unit) times the zone's rate.
          shippingEstimate: (product: { weight: number }, { zone }: { zone: string }) =>
            product.weight * zoneRates[zone]!,
        },
      },
    },
  ],
  operations: [
    {
      name: 'literal argument in the field set',
      query: '{ products { name eurTax } }',
      data: {
        products: [
          { name: 'Table', eurTax: 18 },
          { name: 'Couch', eurTax: 36 },
          { name: 'Voucher', eurTax: 0 },
        ],
      },
    },
    {
      // The client's price is in USD (the default); shipping needs it in EUR. Sending the
      // USD price would make the tax 20.
      name: 'client asks the required field with its default argument',
      query: '{ product(upc: "p1") { price eurTax } }',
      data: { product: { price: 100, eurTax: 18 } },
    },
    {
      name: 'client asks the required field with the same argument',
      query: '{ product(upc: "p2") { price(currency: EUR) eurTax } }',
      data: { product: { price: 180, eurTax: 36 } },
    },
    {
      name: 'client asks the required field with a variable argument',
      query:
        'query ($currency: Currency!) { product(upc: "p1") { price(currency: $currency) eurTax } }',
      variables: { currency: 'USD' },
      data: { product: { price: 100, eurTax: 18 } },
    },
    {
      name: 'requiring field with a variable argument',
      query: 'query ($zone: String!) { product(upc: "p2") { shippingEstimate(zone: $zone) } }',
      variables: { zone: 'EU' },
      data: { product: { shippingEstimate: 120 } },
    },
    {
      // zone defaults to US (rate 1); weight is required in its default unit, KG.
      name: 'requiring field with its default argument',
      query: '{ products { shippingEstimate } }',
      data: {
        products: [{ shippingEstimate: 10 }, { shippingEstimate: 40 }, { shippingEstimate: 0 }],
      },
    },
    {
      // The client's weight is in LB; the estimate must still use the KG weight (10, not 22).
      name: 'client asks the default-argument required field with another argument',
      query: '{ product(upc: "p1") { weight(unit: LB) shippingEstimate(zone: "US") } }',
      data: { product: { weight: 22, shippingEstimate: 10 } },
    },
    {
      // The EUR price is 0: the representation must carry it (a 0 is a value, not a gap).
      name: 'a required value of 0, beside the client’s copy',
      query: '{ product(upc: "p3") { price eurTax } }',
      data: { product: { price: 5, eurTax: 0 } },
    },
    {
      name: 'requiring field twice with two variables',
      query:
        'query ($a: String!, $b: String!) { product(upc: "p1") { us: shippingEstimate(zone: $a) eu: shippingEstimate(zone: $b) } }',
      variables: { a: 'US', b: 'EU' },
      data: { product: { us: 10, eu: 30 } },
    },
  ],
};
