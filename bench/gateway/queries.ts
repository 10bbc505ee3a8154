// The operations bench:gateway sends: the heavy nested query of the well-known federation
// benchmark (users and top products, three levels of reviews, @requires shipping
// estimates), and a trivial one-subgraph query for the gateways' own overhead.
export const HEAVY_QUERY = /* GraphQL */ `
  query TestQuery {
    users {
      id
      username
      name
      reviews {
        id
        body
        product {
          inStock
          name
          price
          shippingEstimate
          upc
          weight
          reviews {
            id
            body
            author {
              id
              username
              name
              reviews {
                id
                body
                product {
                  inStock
                  name
                  price
                  shippingEstimate
                  upc
                  weight
                }
              }
            }
          }
        }
      }
    }
    topProducts {
      inStock
      name
      price
      shippingEstimate
      upc
      weight
      reviews {
        id
        body
        author {
          id
          username
          name
          reviews {
            id
            body
            product {
              inStock
              name
              price
              shippingEstimate
              upc
              weight
            }
          }
        }
      }
    }
  }
`;
export const TRIVIAL_QUERY = '{ topProducts(first: 1) { upc name } }';
