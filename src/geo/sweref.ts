import proj4 from 'proj4';

/** PROJ definition of SWEREF 99 TM (EPSG:3006): UTM zone 33 (central meridian 15°E) on GRS80. */
export const SWEREF99TM_PROJ = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

// Converter from SWEREF 99 TM [easting, northing] (m) to WGS84 [lon, lat] (degrees).
const converter = proj4(SWEREF99TM_PROJ, 'WGS84');

/**
 * SWEREF 99 TM → WGS84.
 * @param northing N, metres (about 6 100 000–7 700 000 in Sweden)
 * @param easting E, metres (about 250 000–930 000 in Sweden; 500 000 on 15°E)
 * @returns [lon, lat] in decimal degrees
 */
export function swerefToWgs84(northing: number, easting: number): [number, number] {
  const [lon, lat] = converter.forward([easting, northing]);
  return [lon, lat];
}

/**
 * WGS84 → SWEREF 99 TM.
 * @param lon longitude, decimal degrees east
 * @param lat latitude, decimal degrees north
 * @returns [northing, easting] in metres
 */
export function wgs84ToSweref(lon: number, lat: number): [number, number] {
  const [easting, northing] = converter.inverse([lon, lat]);
  return [northing, easting];
}
