// Fixed in-memory data for the benchmark subgraphs (the shape of the well-known federation
// benchmark: users, products with shipping data, and reviews joining them).
export const users = Array.from({ length: 5 }, (_, i) => ({
  id: String(i + 1),
  name: `User ${i + 1}`,
  username: `user${i + 1}`,
  birthDate: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
}));

export const products = Array.from({ length: 5 }, (_, i) => ({
  upc: String(i + 1),
  name: `Product ${i + 1}`,
  price: 100 + i * 37,
  weight: 10 + i * 3,
}));

export const inventory = products.map((product, i) => ({ upc: product.upc, inStock: i % 3 !== 0 }));

export const reviews = Array.from({ length: 10 }, (_, i) => ({
  id: String(i + 1),
  body: `Review ${i + 1}: ${i % 2 ? 'Could be better.' : 'Love it!'}`,
  authorId: users[i % users.length]!.id,
  productUpc: products[(i * 3) % products.length]!.upc,
}));
