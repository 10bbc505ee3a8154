// The fuzz subgraphs' fixed data (fuzzSubgraphs.ts). Some rows are there for the bad
// paths: product 4 has no price (a non-null field), u3 no nickname and no reputation,
// review r3 no body (its resolver throws); accounts misbehaves for u4 and o2, inventory for
// product 7 and reviews for product 8 and u3.

export interface UserRow {
  id: string;
  email: string;
  handle: string;
  name: string | null;
  nickname: string | null;
  address: { city: string; zip: string | null } | null;
}
export const users: UserRow[] = [
  {
    id: 'u1',
    email: 'ada@example.com',
    handle: 'ada',
    name: 'Ada',
    nickname: 'A',
    address: { city: 'London', zip: 'N1' },
  },
  { id: 'u2', email: 'bob@example.com', handle: 'bob', name: null, nickname: 'B', address: null },
  {
    id: 'u3',
    email: 'cy@example.com',
    handle: 'cy',
    name: 'Cy',
    nickname: null,
    address: { city: 'Paris', zip: null },
  },
  {
    id: 'u4',
    email: 'dee@example.com',
    handle: 'dee',
    name: 'Dee',
    nickname: 'D',
    address: { city: 'Rome', zip: '00100' },
  },
];
export const orgs = [
  { id: 'o1', handle: 'acme', memberIds: ['u1', 'u2'] },
  { id: 'o2', handle: 'umbrella', memberIds: ['u3', 'u4'] },
];

export interface ProductRow {
  upc: string;
  sku: string;
  variant: { id: string; color: string | null };
  name: string | null;
  price: number | null;
  weight: number | null;
  dimensions: { size: string; weightKg: number | null } | null;
  tags: (string | null)[][] | null;
  createdBy: string | null;
  related: string[];
  catalogInStock: boolean;
  inStock: boolean | null;
  warehouses: string[][] | null;
}
export const products: ProductRow[] = [
  {
    upc: '1',
    sku: 'S1',
    variant: { id: 'v1', color: 'red' },
    name: 'Table',
    price: 100,
    weight: 20,
    dimensions: { size: 'L', weightKg: 20.5 },
    tags: [['wood', 'oak'], ['sale']],
    createdBy: 'u1',
    related: ['2', '3'],
    catalogInStock: false,
    inStock: true,
    warehouses: [['A1', 'A2'], ['B1']],
  },
  {
    upc: '2',
    sku: 'S2',
    variant: { id: 'v1', color: null },
    name: 'Chair',
    price: 50,
    weight: null,
    dimensions: { size: 'M', weightKg: null },
    tags: [[], [null, 'seat']],
    createdBy: 'u2',
    related: ['1'],
    catalogInStock: true,
    inStock: false,
    warehouses: [],
  },
  {
    upc: '3',
    sku: 'S3',
    variant: { id: 'v2', color: 'blue' },
    name: null,
    price: 5,
    weight: 1,
    dimensions: null,
    tags: null,
    createdBy: 'u3',
    related: [],
    catalogInStock: true,
    inStock: true,
    warehouses: null,
  },
  {
    upc: '4',
    sku: 'S4',
    variant: { id: 'v3', color: 'green' },
    name: 'Lamp',
    price: null,
    weight: 3,
    dimensions: { size: 'S', weightKg: 1.25 },
    tags: [['light']],
    createdBy: 'u4',
    related: ['1', '4'],
    catalogInStock: false,
    inStock: null,
    warehouses: [['C1']],
  },
  {
    upc: '5',
    sku: 'S5',
    variant: { id: 'v2', color: 'black' },
    name: 'Desk',
    price: 300,
    weight: 40,
    dimensions: { size: 'XL', weightKg: 41 },
    tags: [['wood'], ['office', 'sale']],
    createdBy: null,
    related: ['1', '2', '7'],
    catalogInStock: false,
    inStock: false,
    warehouses: [['A1'], [], ['D4']],
  },
  {
    upc: '7',
    sku: 'S7',
    variant: { id: 'v1', color: 'white' },
    name: 'Shelf',
    price: 70,
    weight: 9,
    dimensions: { size: 'M', weightKg: 9 },
    tags: [['wall']],
    createdBy: 'u1',
    related: ['8'],
    catalogInStock: true,
    inStock: true,
    warehouses: [['B2']],
  },
  {
    upc: '8',
    sku: 'S8',
    variant: { id: 'v4', color: 'grey' },
    name: 'Rug',
    price: 80,
    weight: 4,
    dimensions: { size: 'L', weightKg: 4 },
    tags: [['floor', null]],
    createdBy: 'u2',
    related: [],
    catalogInStock: false,
    inStock: true,
    warehouses: [['A2'], ['B2']],
  },
];

export interface ReviewRow {
  id: string;
  body: string | null;
  stars: number | null;
  upc: string;
  authorId: string;
}
export const reviews: ReviewRow[] = [
  { id: 'r1', body: 'Sturdy', stars: 5, upc: '1', authorId: 'u1' },
  { id: 'r2', body: 'Wobbly', stars: 2, upc: '1', authorId: 'u2' },
  { id: 'r3', body: null, stars: null, upc: '2', authorId: 'u3' },
  { id: 'r4', body: 'Bright', stars: 4, upc: '3', authorId: 'u4' },
  { id: 'r5', body: 'Huge', stars: 5, upc: '5', authorId: 'u1' },
  { id: 'r6', body: 'Soft', stars: 3, upc: '8', authorId: 'u2' },
  { id: 'r7', body: 'Handy', stars: 4, upc: '7', authorId: 'u3' },
];

export const reputation: Record<string, number | null> = {
  u1: 10,
  u2: 20,
  u3: null,
  u4: 7,
  o1: 99,
  o2: 1,
};
export const coupons: Record<string, string[] | null> = {
  'ada@example.com': ['WELCOME'],
  'bob@example.com': [],
  'cy@example.com': null,
  'dee@example.com': ['VIP', 'SPRING'],
};

export const userById = (id: unknown) => users.find((user) => user.id === id) ?? null;
export const productByUpc = (upc: unknown) =>
  products.find((product) => product.upc === upc) ?? null;
export const reviewById = (id: unknown) => reviews.find((review) => review.id === id) ?? null;
