/** The CLI's usage text (Swedish), printed by --help and after a usage error. */
export const USAGE = `Användning: npm run --silent cli -- <kommando> [flaggor]

Kommandon:
  coverage   täckningsstatistik per kommun (+ länet, kod 20) till stdout
  score      rangordna kandidatplatser (kräver --candidates FIL)
  validate   kontrollera en fil: --kind candidates|listing|matrix FIL
  solve      lös ett lokaliseringsproblem (JSON) exakt med HiGHS: solve FIL [--heuristic]
  route      en resa: route --from LAT,LON --to LAT,LON [--travel network|road|straight] [modellflaggor];
             skriver JSON { minutes, km, straight_km, access_km_from, access_km_to, flags }
  catchments upptagningsområden per platsmängd och plats: de barn som har platsen närmast
             (site_set, site_id, name, kind, kommun_code, children_0_6, children_ot_1_2,
             share_ot_1_2, mean_minutes, primary_deso_count, by_kommun "2062:1178.7;2023:572.0");
             sista raden per mängd (kind unreachable) är barnen utan nåbar plats
             --flows      i stället kommun × plats: kommun_code, kommun_name, children_0_6,
                          own_children, across_children, unknown_kommun_children,
                          unreachable_children, across_share, flag (own|partly|relies_on_neighbour),
                          reasons, relied_on, sedan en kolumn per plats (barn); sist länet (20)
             --belonging  i stället organisatorisk tillhörighet per kommun och länet (20):
                          listed_children, children_at_hosts, share, health_centres, hosts,
                          modelled (ja|nej), listing (modellerad|importerad|blandad|saknas)
             --host PLATS=VC   värdvårdcentral för en familjecentral eller kandidat (upprepbar;
                          id ur health-centres.csv; en filial räknas som sin vårdcentral)
  report     skriv ut appens dokument som PDF (vektortext) med den byggda appen (dist/ eller
             $FCP_DIST; saknas den: kör npm run build) i Chromium (/usr/bin/chromium eller
             $CHROMIUM_PATH):
             report atlas [--scenario FIL] [--lang sv|en] --out FIL.pdf
                          atlasen: en A4-sida (liggande) per kommun
             report kommun --kommun KOD|all [--scenario FIL] [--lang sv|en] --out FIL.pdf
                          beslutsunderlag för en kommun (A4 stående); --kommun all ger alla 15
                          kommuner i en PDF, varje kommun på egna sidor (i namnordning)
             report candidate --candidate ID|NAMN --scenario FIL [--lang sv|en] --out FIL.pdf
                          beslutsunderlag för en kandidatplats i scenariot
             --scenario FIL  scenariofil som appen exporterar (Scenarier → Exportera); utan den
                          räknas appens standardscenario (i dag, inga kandidatplatser)
  vardval    vårdvalets tilläggsuppdrag familjecentral i dag och i förslaget, kr per år per
             värdvårdcentral och totalt (CSV med antagandena som #-rader; "modellerat" där
             listningen är modellerad eller värden antagen). Standardvärden ur HSN 2026/4486:
             --vardval-year ÅR       budgetår: väljer potten och regionplanens år (2026)
             --kr-per-child KR       kr per listat barn 0–6 år (90)
             --kr-per-woman KR       kr per listad kvinna 16–54 år (55)
             --pot ÅR=KR             pott för ett år (upprepbar; 2025=2100000, 2026=2300000)
             --pot-rule capped|shared   capped: fullt anspråk så länge potten räcker, annars
                                     skalas alla ned; shared: hela potten delas alltid (capped)
             --kr-per-cross-visit KR kr per besök på en annan vårdcentrals familjecentral (600)
             --host-rule data|at_health_centre|nearest   värd där data och --host saknar en:
                                     ingen (data), vårdcentral inom 150 m, eller närmaste (data)
             --host PLATS=VC         värdvårdcentral vald av planeraren (upprepbar)
             --plan-kr KR            regionplanens satsning per år (5000000)
             --plan-years ÅR-ÅR      regionplanens år, t.ex. 2026-2028 eller 2026,2027 (2026-2028)
             --listing FIL           verklig listning (annars modellerad); --candidates ger förslaget
             Ett felaktigt belopp ger ett meddelande som nämner flaggan och slutkod 2.

Flaggor (coverage, score, catchments; vardval läser --include, --candidates, --listing, --format, --dialect):
  --threshold MIN          tröskel i minuter (standard 20; täckt när restid ≤ tröskel)
  --travel network|road|straight|matrix:FIL   restidsmodell (standard network = vägnätet)
  --speed KMH              hastighet för straight (standard 50)
  --demand grid|deso       efterfrågan (standard grid)
  --include LISTA          existing,planned,intent,family_unit (existing alltid med)
  --candidates FIL         kandidater (CSV: id, name, lat/lon eller N/E i SWEREF 99 TM)
  --sites today|proposal|both   vilka platser som räknas: i dag (familjecentralerna enligt
                           --include) eller förslaget (i dag + kandidaterna); standard both med
                           --candidates, annars today. Valet står i kolumnen site_set och i antagandena.
  --listing FIL            listade barn per vårdcentral (annars modellerat)
  --ot-year 2022|2023      områdestyp-år (standard 2023; --year 2022|2023 fungerar också)
  --year 2025|2030|2035    vilket års barn som räknas (standard 2025 = skattningen; senare år är prognos)
  --forecast scb|trend|FIL prognoskälla för 2030/2035: SCB:s framskrivning (standard), listningstrenden
                           2020–2025 (HSN 2026/4486) med --damping D (0–1, standard 0.8), eller en egen
                           CSV kommun_code, year, children_0_6
  --need omradestyp|index|none   behovsvikt i poäng och optimering: områdestyp (standard), behovsindex
                           per DeSO (1 + 0,5 × index, 0,5–2) eller ingen
  --low-coverage PCT       flagga kommuner under denna täckning (standard 50)
  --gap-form familjecentral_only|both   vad som räknas som familjecentral i luckorna: bara familjecentraler
                           (standard) eller även familjecentralsliknande verksamheter (regionens mål)
  --services FIL           planerarens verksamheter per plats (JSON som scenariots siteServices)
  --format csv|json        utdata (standard csv)
  --dialect std|sv         CSV-dialekt: std = komma/punkt, sv = semikolon/decimalkomma/BOM
  --assumptions            skriv antagandena som #-rader sist i CSV:n (alltid på stderr)

Modellparametrar (alla redigerbara; standard inom parentes):
  --speed-factor F         network: andel av skyltad hastighet som körs (0.85)
  --urban-kmh V            network: km/h i tätort där skyltning saknas (35)
  --rural-kmh V            network: km/h utanför tätort där skyltning saknas (65)
  --access-kmh V           network: km/h från punkten till närmaste väg i grafen (40)
  --access-circuity K      network: vägfaktor för anslutningen (1.3)
  --terminal MIN           network och road: minuter vid ändpunkterna (2)
  --circuity K1,K2,K3      vägfaktor under 10 km, 10–40 km, över 40 km (1.4,1.33,1.28)
  --road-speeds V1,V2      km/h de första km och därefter (35,70)
  --urban-km KM            km med den lägre hastigheten (2)
  --deprivation-weights W1,W2,W3,W4,W5   vikt per områdestyp 1–5 (2,1.5,1,0.75,0.5)
  --weights reach=,newReach=,deprivation=,travel=,transit=   kriterievikter (0.15,0.25,0.3,0.2,0.1)
  --min-departures N       minsta antal avgångar per vardag för en hållplats (10)
  --max-walk M             gångavstånd i meter där kollektivtrafikkriteriet blir 0 (1000)
`;
