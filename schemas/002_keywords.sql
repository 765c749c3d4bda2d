-- The predefined Services-Directive keyword vocabulary (tab Voorkeur voor
-- diensten). Authorities and handlers select from this list only.
CREATE TABLE keyword (
  slug     TEXT PRIMARY KEY,
  label_en TEXT NOT NULL,
  label_nl TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO keyword (slug, label_en, label_nl) VALUES
  ('accountancy', 'Accountancy and auditing', 'Accountancy en audit'),
  ('advertising', 'Advertising', 'Reclame'),
  ('amusement-parks', 'Amusement parks', 'Pretparken'),
  ('architecture', 'Architectural services', 'Architectendiensten'),
  ('building-permits', 'Building and construction permits', 'Bouwvergunningen'),
  ('business-consultancy', 'Management and business consultancy', 'Bedrijfs- en managementadvies'),
  ('car-rental', 'Car rental', 'Autoverhuur'),
  ('catering', 'Catering and restaurants', 'Horeca en catering'),
  ('certification', 'Certification and testing', 'Certificering en keuring'),
  ('cleaning', 'Cleaning services', 'Schoonmaakdiensten'),
  ('construction', 'Construction and building services', 'Bouwdiensten'),
  ('craft-trades', 'Craft trades', 'Ambachten'),
  ('distributive-trades', 'Distributive trades (retail and wholesale)', 'Detail- en groothandel'),
  ('domestic-services', 'Household support services', 'Huishoudelijke diensten'),
  ('driving-schools', 'Driving schools', 'Rijscholen'),
  ('energy-installation', 'Energy installation and maintenance', 'Installatie en onderhoud energie'),
  ('engineering', 'Engineering services', 'Ingenieursdiensten'),
  ('environmental-permits', 'Environmental permits', 'Milieuvergunningen'),
  ('estate-agents', 'Estate agents', 'Makelaars'),
  ('event-organisation', 'Organisation of events', 'Organisatie van evenementen'),
  ('facility-management', 'Facilities management', 'Facilitair beheer'),
  ('funeral-services', 'Funeral services', 'Uitvaartdiensten'),
  ('hairdressing', 'Hairdressing and beauty care', 'Kappers en schoonheidsverzorging'),
  ('hotels', 'Hotels and accommodation', 'Hotels en logies'),
  ('industrial-design', 'Industrial design', 'Industrieel ontwerp'),
  ('installation', 'Installation and maintenance of equipment', 'Installatie en onderhoud van apparatuur'),
  ('it-services', 'IT services', 'IT-diensten'),
  ('leisure', 'Leisure services', 'Vrijetijdsdiensten'),
  ('legal-services', 'Legal advice', 'Juridisch advies'),
  ('market-trade', 'Market and street trading', 'Markt- en straathandel'),
  ('patent-agents', 'Patent agents', 'Octrooigemachtigden'),
  ('pest-control', 'Pest control', 'Ongediertebestrijding'),
  ('photography', 'Photography', 'Fotografie'),
  ('private-education', 'Private education and training', 'Particulier onderwijs en opleiding'),
  ('property-management', 'Property management', 'Vastgoedbeheer'),
  ('public-nuisance', 'Public order and nuisance permits', 'Openbare orde en overlast'),
  ('recruitment', 'Recruitment agencies', 'Werving en selectie'),
  ('rental-services', 'Rental and leasing', 'Verhuur en leasing'),
  ('security-services', 'Private security services', 'Particuliere beveiliging'),
  ('sports-centres', 'Sports centres', 'Sportcentra'),
  ('surveying', 'Surveying', 'Landmeten'),
  ('tax-advice', 'Tax advice', 'Belastingadvies'),
  ('technical-testing', 'Technical testing and analysis', 'Technische keuring en analyse'),
  ('tourism', 'Tourism services', 'Toeristische diensten'),
  ('tourist-guides', 'Tourist guides', 'Gidsen'),
  ('trade-fairs', 'Trade fairs and exhibitions', 'Beurzen en tentoonstellingen'),
  ('translation', 'Translation and interpreting', 'Vertalen en tolken'),
  ('transport-ancillary', 'Services ancillary to transport', 'Diensten verbonden aan vervoer'),
  ('travel-agencies', 'Travel agencies', 'Reisbureaus'),
  ('urban-planning', 'Urban planning and zoning', 'Ruimtelijke ordening'),
  ('veterinary', 'Veterinary services', 'Diergeneeskundige diensten'),
  ('waste-management', 'Waste management', 'Afvalbeheer'),
  ('weights-measures', 'Weights and measures', 'IJkwezen');

CREATE TABLE authority_keyword (
  authority_id INTEGER NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
  keyword      TEXT NOT NULL REFERENCES keyword (slug),
  PRIMARY KEY (authority_id, keyword)
) WITHOUT ROWID;
CREATE INDEX authority_keyword_by_keyword ON authority_keyword (keyword);
