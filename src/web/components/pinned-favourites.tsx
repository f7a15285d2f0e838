/** Favourites pinned to the dashboard (being built). */
export function PinnedFavourites() {
  return null;
}
