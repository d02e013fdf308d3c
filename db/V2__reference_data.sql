-- Reference data for gcm-review: regional commissions, UN member states, the 23 GCM objectives with their
-- associated actions and relevant SDG targets, the 10 guiding principles and stakeholder types.
--
-- Objectives, actions and SDG targets are transcribed from the UN Network on Migration booklet
-- "Implementing the Global Compact for Safe, Orderly and Regular Migration" (April 2022), the project's
-- source of truth (shared/seeds/unnm-2022-implementing-gcm-booklet.txt). ReferenceDataMatchesBookletTest
-- re-parses the booklet independently of this file and compares it with the migrated database: any
-- difference between the two fails the build.
--
-- Transcription rules (the test applies the same ones):
--  * action texts are the booklet's words; its bold markers (**), footnote superscripts and line/page
--    breaks are dropped and runs of whitespace collapsed; its own trailing full stops and typos are kept;
--  * objective titles are the booklet's upper-case headings in sentence case (none contains a proper noun);
--    short titles are the ones in the booklet's table of contents;
--  * SDG targets are listed in booklet order. The booklet misprints a few labels; where the text it quotes
--    is unmistakably another target's (it quotes that same text under the right label elsewhere), the
--    right label is stored: objective 9 "17.16" -> 17.6, objectives 17 and 18 "17.7" -> 17.17,
--    and "17:18" -> 17.18 (objectives 16 and 20).
--  * objectives 2 and 19 say "All SDGs" (see V3__reference_adjustments.sql); objective 2 also names 17.14.

insert into regional_commission (code, name) values
  ('ECA', 'Economic Commission for Africa'),
  ('ECE', 'Economic Commission for Europe'),
  ('ECLAC', 'Economic Commission for Latin America and the Caribbean'),
  ('ESCAP', 'Economic and Social Commission for Asia and the Pacific'),
  ('ESCWA', 'Economic and Social Commission for Western Asia');

-- The 193 UN member states (ISO 3166-1 alpha-3, UN short names without bracketed formal qualifiers, the
-- United Kingdom and the United States in their common short form), each with ONE regional commission.
-- A state that is a member of two commissions is grouped with the commission of its own continent, whose
-- regional GCM review covers it:
--  * African members of both ECA and ESCWA (the Arab states of North Africa and the Horn, e.g. Egypt,
--    Morocco, Sudan) -> ECA (the Africa regional review, ECA with the African Union); ESCWA keeps the
--    Arab states of Western Asia;
--  * members of both ECE and ESCAP (Russian Federation, Türkiye, the South Caucasus and Central Asia) -> ECE
--    (the UNECE regional review covers its whole membership);
--  * extra-regional members (France, the Netherlands, the United Kingdom, the United States in ESCAP or
--    ECLAC; Japan and the Republic of Korea in ECLAC; ...) stay with the commission of their own region.
-- Observer states (Holy See, State of Palestine) are not member states and are not listed.

-- ECA: 54 states
insert into country (iso3, name, commission_code) values
  ('AGO', 'Angola', 'ECA'),
  ('BDI', 'Burundi', 'ECA'),
  ('BEN', 'Benin', 'ECA'),
  ('BFA', 'Burkina Faso', 'ECA'),
  ('BWA', 'Botswana', 'ECA'),
  ('CAF', 'Central African Republic', 'ECA'),
  ('CIV', 'Côte d''Ivoire', 'ECA'),
  ('CMR', 'Cameroon', 'ECA'),
  ('COD', 'Democratic Republic of the Congo', 'ECA'),
  ('COG', 'Congo', 'ECA'),
  ('COM', 'Comoros', 'ECA'),
  ('CPV', 'Cabo Verde', 'ECA'),
  ('DJI', 'Djibouti', 'ECA'),
  ('DZA', 'Algeria', 'ECA'),
  ('EGY', 'Egypt', 'ECA'),
  ('ERI', 'Eritrea', 'ECA'),
  ('ETH', 'Ethiopia', 'ECA'),
  ('GAB', 'Gabon', 'ECA'),
  ('GHA', 'Ghana', 'ECA'),
  ('GIN', 'Guinea', 'ECA'),
  ('GMB', 'Gambia', 'ECA'),
  ('GNB', 'Guinea-Bissau', 'ECA'),
  ('GNQ', 'Equatorial Guinea', 'ECA'),
  ('KEN', 'Kenya', 'ECA'),
  ('LBR', 'Liberia', 'ECA'),
  ('LBY', 'Libya', 'ECA'),
  ('LSO', 'Lesotho', 'ECA'),
  ('MAR', 'Morocco', 'ECA'),
  ('MDG', 'Madagascar', 'ECA'),
  ('MLI', 'Mali', 'ECA'),
  ('MOZ', 'Mozambique', 'ECA'),
  ('MRT', 'Mauritania', 'ECA'),
  ('MUS', 'Mauritius', 'ECA'),
  ('MWI', 'Malawi', 'ECA'),
  ('NAM', 'Namibia', 'ECA'),
  ('NER', 'Niger', 'ECA'),
  ('NGA', 'Nigeria', 'ECA'),
  ('RWA', 'Rwanda', 'ECA'),
  ('SDN', 'Sudan', 'ECA'),
  ('SEN', 'Senegal', 'ECA'),
  ('SLE', 'Sierra Leone', 'ECA'),
  ('SOM', 'Somalia', 'ECA'),
  ('SSD', 'South Sudan', 'ECA'),
  ('STP', 'Sao Tome and Principe', 'ECA'),
  ('SWZ', 'Eswatini', 'ECA'),
  ('SYC', 'Seychelles', 'ECA'),
  ('TCD', 'Chad', 'ECA'),
  ('TGO', 'Togo', 'ECA'),
  ('TUN', 'Tunisia', 'ECA'),
  ('TZA', 'United Republic of Tanzania', 'ECA'),
  ('UGA', 'Uganda', 'ECA'),
  ('ZAF', 'South Africa', 'ECA'),
  ('ZMB', 'Zambia', 'ECA'),
  ('ZWE', 'Zimbabwe', 'ECA');

-- ECE: 56 states
insert into country (iso3, name, commission_code) values
  ('ALB', 'Albania', 'ECE'),
  ('AND', 'Andorra', 'ECE'),
  ('ARM', 'Armenia', 'ECE'),
  ('AUT', 'Austria', 'ECE'),
  ('AZE', 'Azerbaijan', 'ECE'),
  ('BEL', 'Belgium', 'ECE'),
  ('BGR', 'Bulgaria', 'ECE'),
  ('BIH', 'Bosnia and Herzegovina', 'ECE'),
  ('BLR', 'Belarus', 'ECE'),
  ('CAN', 'Canada', 'ECE'),
  ('CHE', 'Switzerland', 'ECE'),
  ('CYP', 'Cyprus', 'ECE'),
  ('CZE', 'Czechia', 'ECE'),
  ('DEU', 'Germany', 'ECE'),
  ('DNK', 'Denmark', 'ECE'),
  ('ESP', 'Spain', 'ECE'),
  ('EST', 'Estonia', 'ECE'),
  ('FIN', 'Finland', 'ECE'),
  ('FRA', 'France', 'ECE'),
  ('GBR', 'United Kingdom', 'ECE'),
  ('GEO', 'Georgia', 'ECE'),
  ('GRC', 'Greece', 'ECE'),
  ('HRV', 'Croatia', 'ECE'),
  ('HUN', 'Hungary', 'ECE'),
  ('IRL', 'Ireland', 'ECE'),
  ('ISL', 'Iceland', 'ECE'),
  ('ISR', 'Israel', 'ECE'),
  ('ITA', 'Italy', 'ECE'),
  ('KAZ', 'Kazakhstan', 'ECE'),
  ('KGZ', 'Kyrgyzstan', 'ECE'),
  ('LIE', 'Liechtenstein', 'ECE'),
  ('LTU', 'Lithuania', 'ECE'),
  ('LUX', 'Luxembourg', 'ECE'),
  ('LVA', 'Latvia', 'ECE'),
  ('MCO', 'Monaco', 'ECE'),
  ('MDA', 'Republic of Moldova', 'ECE'),
  ('MKD', 'North Macedonia', 'ECE'),
  ('MLT', 'Malta', 'ECE'),
  ('MNE', 'Montenegro', 'ECE'),
  ('NLD', 'Netherlands', 'ECE'),
  ('NOR', 'Norway', 'ECE'),
  ('POL', 'Poland', 'ECE'),
  ('PRT', 'Portugal', 'ECE'),
  ('ROU', 'Romania', 'ECE'),
  ('RUS', 'Russian Federation', 'ECE'),
  ('SMR', 'San Marino', 'ECE'),
  ('SRB', 'Serbia', 'ECE'),
  ('SVK', 'Slovakia', 'ECE'),
  ('SVN', 'Slovenia', 'ECE'),
  ('SWE', 'Sweden', 'ECE'),
  ('TJK', 'Tajikistan', 'ECE'),
  ('TKM', 'Turkmenistan', 'ECE'),
  ('TUR', 'Türkiye', 'ECE'),
  ('UKR', 'Ukraine', 'ECE'),
  ('USA', 'United States', 'ECE'),
  ('UZB', 'Uzbekistan', 'ECE');

-- ECLAC: 33 states
insert into country (iso3, name, commission_code) values
  ('ARG', 'Argentina', 'ECLAC'),
  ('ATG', 'Antigua and Barbuda', 'ECLAC'),
  ('BHS', 'Bahamas', 'ECLAC'),
  ('BLZ', 'Belize', 'ECLAC'),
  ('BOL', 'Bolivia', 'ECLAC'),
  ('BRA', 'Brazil', 'ECLAC'),
  ('BRB', 'Barbados', 'ECLAC'),
  ('CHL', 'Chile', 'ECLAC'),
  ('COL', 'Colombia', 'ECLAC'),
  ('CRI', 'Costa Rica', 'ECLAC'),
  ('CUB', 'Cuba', 'ECLAC'),
  ('DMA', 'Dominica', 'ECLAC'),
  ('DOM', 'Dominican Republic', 'ECLAC'),
  ('ECU', 'Ecuador', 'ECLAC'),
  ('GRD', 'Grenada', 'ECLAC'),
  ('GTM', 'Guatemala', 'ECLAC'),
  ('GUY', 'Guyana', 'ECLAC'),
  ('HND', 'Honduras', 'ECLAC'),
  ('HTI', 'Haiti', 'ECLAC'),
  ('JAM', 'Jamaica', 'ECLAC'),
  ('KNA', 'Saint Kitts and Nevis', 'ECLAC'),
  ('LCA', 'Saint Lucia', 'ECLAC'),
  ('MEX', 'Mexico', 'ECLAC'),
  ('NIC', 'Nicaragua', 'ECLAC'),
  ('PAN', 'Panama', 'ECLAC'),
  ('PER', 'Peru', 'ECLAC'),
  ('PRY', 'Paraguay', 'ECLAC'),
  ('SLV', 'El Salvador', 'ECLAC'),
  ('SUR', 'Suriname', 'ECLAC'),
  ('TTO', 'Trinidad and Tobago', 'ECLAC'),
  ('URY', 'Uruguay', 'ECLAC'),
  ('VCT', 'Saint Vincent and the Grenadines', 'ECLAC'),
  ('VEN', 'Venezuela', 'ECLAC');

-- ESCAP: 39 states
insert into country (iso3, name, commission_code) values
  ('AFG', 'Afghanistan', 'ESCAP'),
  ('AUS', 'Australia', 'ESCAP'),
  ('BGD', 'Bangladesh', 'ESCAP'),
  ('BRN', 'Brunei Darussalam', 'ESCAP'),
  ('BTN', 'Bhutan', 'ESCAP'),
  ('CHN', 'China', 'ESCAP'),
  ('FJI', 'Fiji', 'ESCAP'),
  ('FSM', 'Micronesia', 'ESCAP'),
  ('IDN', 'Indonesia', 'ESCAP'),
  ('IND', 'India', 'ESCAP'),
  ('IRN', 'Iran', 'ESCAP'),
  ('JPN', 'Japan', 'ESCAP'),
  ('KHM', 'Cambodia', 'ESCAP'),
  ('KIR', 'Kiribati', 'ESCAP'),
  ('KOR', 'Republic of Korea', 'ESCAP'),
  ('LAO', 'Lao People''s Democratic Republic', 'ESCAP'),
  ('LKA', 'Sri Lanka', 'ESCAP'),
  ('MDV', 'Maldives', 'ESCAP'),
  ('MHL', 'Marshall Islands', 'ESCAP'),
  ('MMR', 'Myanmar', 'ESCAP'),
  ('MNG', 'Mongolia', 'ESCAP'),
  ('MYS', 'Malaysia', 'ESCAP'),
  ('NPL', 'Nepal', 'ESCAP'),
  ('NRU', 'Nauru', 'ESCAP'),
  ('NZL', 'New Zealand', 'ESCAP'),
  ('PAK', 'Pakistan', 'ESCAP'),
  ('PHL', 'Philippines', 'ESCAP'),
  ('PLW', 'Palau', 'ESCAP'),
  ('PNG', 'Papua New Guinea', 'ESCAP'),
  ('PRK', 'Democratic People''s Republic of Korea', 'ESCAP'),
  ('SGP', 'Singapore', 'ESCAP'),
  ('SLB', 'Solomon Islands', 'ESCAP'),
  ('THA', 'Thailand', 'ESCAP'),
  ('TLS', 'Timor-Leste', 'ESCAP'),
  ('TON', 'Tonga', 'ESCAP'),
  ('TUV', 'Tuvalu', 'ESCAP'),
  ('VNM', 'Viet Nam', 'ESCAP'),
  ('VUT', 'Vanuatu', 'ESCAP'),
  ('WSM', 'Samoa', 'ESCAP');

-- ESCWA: 11 states
insert into country (iso3, name, commission_code) values
  ('ARE', 'United Arab Emirates', 'ESCWA'),
  ('BHR', 'Bahrain', 'ESCWA'),
  ('IRQ', 'Iraq', 'ESCWA'),
  ('JOR', 'Jordan', 'ESCWA'),
  ('KWT', 'Kuwait', 'ESCWA'),
  ('LBN', 'Lebanon', 'ESCWA'),
  ('OMN', 'Oman', 'ESCWA'),
  ('QAT', 'Qatar', 'ESCWA'),
  ('SAU', 'Saudi Arabia', 'ESCWA'),
  ('SYR', 'Syrian Arab Republic', 'ESCWA'),
  ('YEM', 'Yemen', 'ESCWA');

-- The 23 objectives
insert into objective (number, short_title, title) values
  (1, 'Data', 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies'),
  (2, 'Minimize adverse drivers', 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin'),
  (3, 'Information provision', 'Provide accurate and timely information at all stages of migration'),
  (4, 'Legal identity and documentation', 'Ensure that all migrants have proof of legal identity and adequate documentation'),
  (5, 'Regular pathways', 'Enhance availability and flexibility of pathways for regular migration'),
  (6, 'Recruitment and decent work', 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work'),
  (7, 'Reduce vulnerabilities', 'Address and reduce vulnerabilities in migration'),
  (8, 'Save lives', 'Save lives and establish coordinated international efforts on missing migrants'),
  (9, 'Counter smuggling', 'Strengthen the transnational response to smuggling of migrants'),
  (10, 'Eradicate trafficking', 'Prevent, combat and eradicate trafficking in persons in the context of international migration'),
  (11, 'Manage borders', 'Manage borders in an integrated, secure and coordinated manner'),
  (12, 'Screening and referral', 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral'),
  (13, 'Alternatives to detention', 'Use migration detention only as a measure of last resort and work towards alternatives'),
  (14, 'Consular protection', 'Enhance consular protection, assistance and cooperation throughout the migration cycle'),
  (15, 'Access to basic services', 'Provide access to basic services for migrants'),
  (16, 'Inclusion and social cohesion', 'Empower migrants and societies to realize full inclusion and social cohesion'),
  (17, 'Eliminate discrimination', 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration'),
  (18, 'Skills development and recognition', 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences'),
  (19, 'Migrants and diaspora contributions', 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries'),
  (20, 'Remittances', 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants'),
  (21, 'Dignified return and reintegration', 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration'),
  (22, 'Social protection', 'Establish mechanisms for the portability of social security entitlements and earned benefits'),
  (23, 'International cooperation', 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration');

-- Objective 1: associated actions
insert into objective_action (objective_number, letter, text) values
  (1, 'a', 'Elaborate and implement a comprehensive strategy for improving migration data at local, national, regional and global levels, with the participation of all relevant stakeholders, under the guidance of the United Nations Statistical Commission, by harmonizing methodologies for data collection, and strengthening analysis and dissemination of migration-related data and indicators'),
  (1, 'b', 'Improve international comparability and compatibility of migration statistics and national data systems, including by further developing and applying the statistical definition of an international migrant, elaborating a set of standards to measure migrant stocks and flows, and documenting migration patterns and trends, characteristics of migrants, as well as drivers and impacts of migration'),
  (1, 'c', 'Develop a global programme to build and enhance national capacities in data collection, analysis and dissemination to share data, address data gaps and assess key migration trends, that encourages collaboration between relevant stakeholders at all levels, provides dedicated training, financial support and technical assistance, leverages new data sources, including big data, and is reviewed by the United Nations Statistical Commission on a regular basis'),
  (1, 'd', 'Collect, analyse and use data on the effects and benefits of migration, as well as the contributions of migrants and diasporas to sustainable development, with a view to inform the implementation of the 2030 Agenda for Sustainable Development and related strategies and programmes at the local, national, regional and global levels'),
  (1, 'e', 'Support further development of and collaboration between existing global and regional databases and depositories, including the IOM Global Migration Data Portal and the World Bank Global Knowledge Partnership on Migration and Development, with a view to systematically consolidate relevant data in a transparent and user-friendly manner, while encouraging inter-agency collaboration to avoid duplication'),
  (1, 'f', 'Establish and strengthen regional centres for research and training on migration or migration observatories, such as the African Observatory for Migration and Development, to collect and analyse data in line with United Nations standards, including on best practices, the contributions of migrants, the overall economic, social and political benefits and challenges of migration in countries of origin, transit and destination, as well as drivers of migration, with a view to establishing shared strategies and maximizing the value of disaggregated migration data, in coordination with existing regional and subregional mechanisms'),
  (1, 'g', 'Improve national data collection by integrating migration-related topics in national censuses, as early as practicable, such as on country of birth, country of birth of parents, country of citizenship, country of residence five years prior to the census, most recent arrival date and reason for migrating, to ensure timely analysis and dissemination of results, disaggregated and tabulated in accordance with international standards, for statistical purposes'),
  (1, 'h', 'Conduct household, labour force and other surveys to collect information on the social and economic integration of migrants or add standard migration modules to existing household surveys to improve national, regional and international comparability, and make collected data available through public-use of statistical microdata files'),
  (1, 'i', 'Enhance collaboration between State units responsible for migration data and national statistical offices to produce migration-related statistics, including by using administrative records for statistical purposes, such as border records, visa, resident permits, population registers and other relevant sources, while upholding the right to privacy and protecting personal data'),
  (1, 'j', 'Develop and use country-specific migration profiles, which include disaggregated data on all migration-relevant aspects in a national context, including those on labour market needs, demand and availability of skills, the economic, environmental and social impacts of migration, remittance transfer costs, health, education, occupation, living and working conditions, wages, and the needs of migrants and receiving communities, in order to develop evidence-based migration policies'),
  (1, 'k', 'Cooperate with relevant stakeholders in countries of origin, transit and destination to develop research, studies and surveys on the interrelationship between migration and the three dimensions of sustainable development, the contributions and skills of migrants and diasporas, as well as their ties to the countries of origin and destination.');

-- Objective 2: associated actions
insert into objective_action (objective_number, letter, text) values
  (2, 'a', 'Promote the implementation of the 2030 Agenda for Sustainable Development, including the Sustainable Development Goals and the Addis Ababa Action Agenda, and the commitment to reach the furthest behind first, as well as the Paris Agreement and the Sendai Framework for Disaster Risk Reduction 2015-2030'),
  (2, 'b', 'Invest in programmes that accelerate States'' fulfilment of the Sustainable Development Goals with the aim of eliminating the adverse drivers and structural factors that compel people to leave their country of origin, including through poverty eradication, food security, health and sanitation, education, inclusive economic growth, infrastructure, urban and rural development, employment creation, decent work, gender equality and empowerment of women and girls, resilience and disaster risk reduction, climate change mitigation and adaptation, addressing the socioeconomic effects of all forms of violence, non-discrimination, rule of law and good governance, access to justice and protection of human rights, as well as creating and maintaining peaceful and inclusive societies with effective, accountable and transparent institutions'),
  (2, 'c', 'Establish or strengthen mechanisms to monitor and anticipate the development of risks and threats that might trigger or affect migration movements, strengthen early warning systems, develop emergency procedures and toolkits, launch emergency operations, and support post-emergency recovery, in close cooperation with and support of other States, relevant national and local authorities, National Human Rights Institutions, and civil society'),
  (2, 'd', 'Invest in sustainable development at local and national levels in all regions allowing all people to improve their lives and meet their aspirations, by fostering sustained, inclusive and sustainable economic growth, including through private and foreign direct investment and trade preferences, to create conducive conditions that allow communities and individuals to take advantage of opportunities in their own countries and drive sustainable development'),
  (2, 'e', 'Invest in human capital development by promoting entrepreneurship, education, vocational training and skills development programmes and partnerships, productive employment creation, in line with labour market needs, as well as in cooperation with the private sector and trade unions, with a view to reducing youth unemployment, avoiding brain drain and optimizing brain gain in countries of origin, and harnessing the demographic dividend'),
  (2, 'f', 'Strengthen collaboration between humanitarian and development actors, including by promoting joint analysis, multi-donor approaches and multi-year funding cycles, in order to develop long-term responses and outcomes that ensure respect for the rights of affected individuals, resilience and coping capacities of populations, as well as economic and social self-reliance, and by ensuring these efforts take migration into account'),
  (2, 'g', 'Account for migrants in national emergency preparedness and response, including by taking into consideration relevant recommendations from State-led consultative processes, such as the Guidelines to Protect Migrants in Countries Experiencing Conflict or Natural Disaster (MICIC Guidelines)'),
  (2, 'h', 'Strengthen joint analysis and sharing of information to better map, understand, predict and address migration movements, such as those that may result from sudden-onset and slow onset natural disasters, the adverse effects of climate change, environmental degradation, as well as other precarious situations, while ensuring the effective respect, protection and fulfilment of the human rights of all migrants'),
  (2, 'i', 'Develop adaptation and resilience strategies to sudden-onset and slow-onset natural disasters, the adverse effects of climate change, and environmental degradation, such as desertification, land degradation, drought and sea level rise, taking into account the potential implications on migration, while recognizing that adaptation in the country of origin is a priority'),
  (2, 'j', 'Integrate displacement considerations into disaster preparedness strategies and promote cooperation with neighbouring and other relevant countries to prepare for early warning, contingency planning, stockpiling, coordination mechanisms, evacuation planning, reception and assistance arrangements, and public information'),
  (2, 'k', 'Harmonize and develop approaches and mechanisms at subregional and regional levels to address the vulnerabilities of persons affected by sudden-onset and slow-onset natural disasters, by ensuring they have access to humanitarian assistance that meets their essential needs with full respect for their rights wherever they are, and by promoting sustainable outcomes that increase resilience and self-reliance, taking into account the capacities of all countries involved'),
  (2, 'l', 'Develop coherent approaches to address the challenges of migration movements in the context of sudden-onset and slow-onset natural disasters, including by taking into consideration relevant recommendations from State-led consultative processes, such as the Agenda for the Protection of Cross-Border Displaced Persons in the Context of Disasters and Climate Change, and the Platform on Disaster Displacement.');

-- Objective 3: associated actions
insert into objective_action (objective_number, letter, text) values
  (3, 'a', 'Launch and publicize a centralized and publicly accessible national website to make information available on regular migration options, such as on country-specific immigration laws and policies, visa requirements, application formalities, fees and conversion criteria, employment permit requirements, professional qualification requirements, credential assessment and equivalences, training and study opportunities, and living costs and conditions, in order to inform the decisions of migrants'),
  (3, 'b', 'Promote and improve systematic bilateral, regional and international cooperation and dialogue to exchange information on migration-related trends, including through joint databases, online platforms, international training centres and liaison networks, while upholding the right to privacy and protecting personal data'),
  (3, 'c', 'Establish open and accessible information points along relevant migration routes that can refer migrants to child-sensitive and gender-responsive support and counselling, offer opportunities to communicate with consular representatives of the country of origin, and make available relevant information, including on human rights and fundamental freedoms, appropriate protection and assistance, options and pathways for regular migration, and possibilities for return, in a language the person concerned understands.'),
  (3, 'd', 'Provide newly arrived migrants with targeted, gender-responsive, child-sensitive, accessible and comprehensive information and legal guidance on their rights and obligations, including on compliance with national and local laws, obtaining of work and resident permits, status adjustments, registration with authorities, access to justice to file complaints about rights violations, as well as on access to basic services'),
  (3, 'e', 'Promote multi-lingual, gender-responsive and evidence-based information campaigns and organize awareness-raising events and pre-departure orientation trainings in countries of origin, in cooperation with local authorities, consular and diplomatic missions, the private sector, academia, migrant and diaspora organizations and civil society, in order to promote safe, orderly and regular migration, as well as to highlight the risks associated with irregular and unsafe migration');

-- Objective 4: associated actions
insert into objective_action (objective_number, letter, text) values
  (4, 'a', 'Improve civil registry systems, with a particular focus on reaching unregistered persons and our nationals residing in other countries, including by providing relevant identity and civil registry documents, strengthening capacities, and investing in information and communication technology solutions, while upholding the right to privacy and protecting personal data'),
  (4, 'b', 'Harmonize travel documents in line with the specifications of the International Civil Aviation Organization to facilitate interoperable and universal recognition of travel documents, as well as to combat identity fraud and document forgery, including by investing in digitalization, and strengthening mechanisms for biometric data-sharing, while upholding the right to privacy and protecting personal data'),
  (4, 'c', 'Ensure adequate, timely, reliable and accessible consular documentation to our nationals residing in other countries, including identity and travel documents, making use of information and communications technology, as well as community outreach, particularly in remote areas'),
  (4, 'd', 'Facilitate access to personal documentation, such as passports and visas, and ensure that relevant regulations and criteria to obtain such documentation are non-discriminatory, by undertaking a gender-responsive and age-sensitive review in order to prevent increased risk of vulnerabilities throughout the migration cycle'),
  (4, 'e', 'Strengthen measures to reduce statelessness, including by registering migrants'' births, ensuring that women and men can equally confer their nationality to their children, and providing nationality to children born in another State''s territory, especially in situations where a child would otherwise be stateless, fully respecting the human right to a nationality and in accordance with national legislation'),
  (4, 'f', 'Review and revise requirements to prove nationality at service delivery centres to ensure that migrants without proof of nationality or legal identity are not precluded from accessing basic services nor denied their human rights'),
  (4, 'g', 'Build upon existing practices at the local level that facilitate participation in community life, such as interaction with authorities and access to relevant services, through the issuance of registration cards to all persons living in a municipality, including migrants, that contain basic personal information, while not constituting entitlements to citizenship or residency');

-- Objective 5: associated actions
insert into objective_action (objective_number, letter, text) values
  (5, 'a', 'Develop human rights-based and gender-responsive bilateral, regional and multilateral labour mobility agreements with sector-specific standard terms of employment in cooperation with relevant stakeholders, drawing on relevant ILO standards, guidelines and principles, in compliance with international human rights and labour law'),
  (5, 'b', 'Facilitate regional and cross-regional labour mobility through international and bilateral cooperation arrangements, such as free movement regimes, visa liberalization or multiple country visas, and labour mobility cooperation frameworks, in accordance with national priorities, local market needs and skills supply'),
  (5, 'c', 'Review and revise existing options and pathways for regular migration, with a view to optimize skills matching in labour markets, address demographic realities and development challenges and opportunities, in accordance with local and national labour market demands and skills supply, in consultation with the private sector and other relevant stakeholders'),
  (5, 'd', 'Develop flexible, rights-based and gender-responsive labour mobility schemes for migrants, in accordance with local and national labour market needs and skills supply at all skills levels, including temporary, seasonal, circular, and fast-track programmes in areas of labour shortages, by providing flexible, convertible and non-discriminatory visa and permit options, such as for permanent and temporary work, multiple-entry study, business, visit, investment and entrepreneurship'),
  (5, 'e', 'Promote effective skills matching in the national economy by involving local authorities and other relevant stakeholders, particularly the private sector and trade unions, in the analysis of the local labour market, identification of skills gaps, definition of required skills profiles, and evaluation of the efficacy of labour migration policies, in order to ensure market-responsive contractual labour mobility through regular pathways'),
  (5, 'f', 'Foster efficient and effective skills-matching programmes by reducing visa and permit processing timeframes for standard employment authorizations, and by offering accelerated and facilitated visa and permit processing for employers with a track record of compliance'),
  (5, 'g', 'Develop or build on existing national and regional practices for admission and stay of appropriate duration based on compassionate, humanitarian or other considerations for migrants compelled to leave their countries of origin, due to sudden-onset natural disasters and other precarious situations, such as by providing humanitarian visas, private sponsorships, access to education for children, and temporary work permits, while adaptation in or return to their country of origin is not possible'),
  (5, 'h', 'Cooperate to identify, develop and strengthen solutions for migrants compelled to leave their countries of origin due to slow-onset natural disasters, the adverse effects of climate change, and environmental degradation, such as desertification, land degradation, drought and sea level rise, including by devising planned relocation and visa options, in cases where adaptation in or return to their country of origin is not possible'),
  (5, 'i', 'Facilitate access to procedures for family reunification for migrants at all skills levels through appropriate measures that promote the realization of the right to family life and the best interests of the child, including by reviewing and revising applicable requirements, such as on income, language proficiency, length of stay, work authorization, and access to social security and services'),
  (5, 'j', 'Expand available options for academic mobility, including through bilateral and multilateral agreements that facilitate academic exchanges, such as scholarships for students and academic professionals, visiting professorships, joint training programmes, and international research opportunities, in cooperation with academic institutions and other relevant stakeholders');

-- Objective 6: associated actions
insert into objective_action (objective_number, letter, text) values
  (6, 'a', 'Promote signature, ratification, accession and implementation of relevant international instruments related to international labour migration, labour rights, decent work and forced labour'),
  (6, 'b', 'Build upon the work of existing bilateral, subregional and regional platforms that have overcome obstacles and identified best practices in labour mobility, by facilitating cross-regional dialogue to share this knowledge, and to promote the full respect for the human and labour rights of migrant workers at all skills levels, including migrant domestic workers'),
  (6, 'c', 'Improve regulations on public and private recruitment agencies, in order to align them with international guidelines and best practices, prohibit recruiters and employers from charging or shifting recruitment fees or related costs to migrant workers in order to prevent debt bondage, exploitation and forced labour, including by establishing mandatory, enforceable mechanisms for effective regulation and monitoring of the recruitment industry'),
  (6, 'd', 'Establish partnerships with all relevant stakeholders, including employers, migrant workers organizations and trade unions, to ensure that migrant workers are provided written contracts and are made aware of the provisions therein, the regulations relating to international labour recruitment and employment in the country of destination, their rights and obligations, as well as on how to access effective complaint and redress mechanisms, in a language they understand'),
  (6, 'e', 'Enact and implement national laws that sanction human and labour rights violations, especially in cases of forced and child labour, and cooperate with the private sector, including employers, recruiters, subcontractors and suppliers, to build partnerships that promote conditions for decent work, prevent abuse and exploitation, and ensure that the roles and responsibilities within the recruitment and employment processes are clearly outlined, thereby enhancing supply chain transparency'),
  (6, 'f', 'Strengthen the enforcement of fair and ethical recruitment and decent work norms and policies by enhancing the abilities of labour inspectors and other authorities to better monitor recruiters, employers and service providers in all sectors, ensuring that international human rights and labour law is observed to prevent all forms of exploitation, slavery, servitude, and forced, compulsory or child labour'),
  (6, 'g', 'Develop and strengthen labour migration and fair and ethical recruitment processes that allow migrants to change employers and modify the conditions or length of their stay with minimal administrative burden, while promoting greater opportunities for decent work and respect for international human rights and labour law'),
  (6, 'h', 'Take measures that prohibit the confiscation or non-consensual retention of work contracts, and travel or identity documents from migrants, in order to prevent abuse, all forms of exploitation, forced, compulsory and child labour, extortion and other situations of dependency, and to allow migrants to fully exercise their human rights'),
  (6, 'i', 'Provide migrant workers engaged in remunerated and contractual labour with the same labour rights and protections extended to all workers in the respective sector, such as the rights to just and favourable conditions of work, to equal pay for work of equal value, to freedom of peaceful assembly and association, and to the highest attainable standard of physical and mental health, including through wage protection mechanisms, social dialogue and membership in trade unions'),
  (6, 'j', 'Ensure migrants working in the informal economy have safe access to effective reporting, complaint, and redress mechanisms in cases of exploitation, abuse or violations of their rights in the workplace, in a manner that does not exacerbate vulnerabilities of migrants that denounce such incidents and allow them to participate in respective legal proceedings whether in the country of origin or destination'),
  (6, 'k', 'Review relevant national labour laws, employment policies and programmes to ensure that they include considerations of the specific needs and contributions of women migrant workers, especially in domestic work and lower-skilled occupations, and adopt specific measures to prevent, report, address and provide effective remedy for all forms of exploitation and abuse, including sexual and gender-based violence, as a basis to promote gender-responsive labour mobility policies'),
  (6, 'l', 'Develop and improve national policies and programmes relating to international labour mobility, including by taking into consideration relevant recommendations of the ILO General Principles and Operational Guidelines for Fair Recruitment, the United Nations Guiding Principles on Business and Human Rights, and the IOM International Recruitment Integrity System (IRIS)');

-- Objective 7: associated actions
insert into objective_action (objective_number, letter, text) values
  (7, 'a', 'Review relevant policies and practices to ensure they do not create, exacerbate or unintentionally increase vulnerabilities of migrants, including by applying a human rights-based, gender- and disability-responsive, as well as an age- and child-sensitive approach'),
  (7, 'b', 'Establish comprehensive policies and develop partnerships that provide migrants in a situation of vulnerability, regardless of their migration status, with necessary support at all stages of migration, through identification and assistance, as well as protection of their human rights, in particular in cases related to women at risk, children, especially those unaccompanied or separated from their families, members of ethnic and religious minorities, victims of violence, including sexual and gender-based violence, older persons, persons with disabilities, persons who are discriminated against on any basis, indigenous peoples, workers facing exploitation and abuse, domestic workers, victims of trafficking in persons, and migrants subject to exploitation and abuse in the context of smuggling of migrants'),
  (7, 'c', 'Develop gender-responsive migration policies to address the particular needs and vulnerabilities of migrant women, girls and boys, which may include assistance, health care, psychological and other counselling services, as well as access to justice and effective remedies, especially in cases of sexual and gender-based violence, abuse and exploitation'),
  (7, 'd', 'Review relevant existing labour laws and work conditions to identify and effectively address workplace-related vulnerabilities and abuses of migrant workers at all skills levels, including domestic workers, and those working in the informal economy, in cooperation with relevant stakeholders, particularly the private sector'),
  (7, 'e', 'Account for migrant children in national child protection systems by establishing robust procedures for the protection of migrant children in relevant legislative, administrative and judicial proceedings and decisions, as well as in all migration policies and programmes that impact children, including consular protection policies and services, as well as cross-border cooperation frameworks, in order to ensure the best interests of the child are appropriately integrated, consistently interpreted and applied in coordination and cooperation with child protection authorities'),
  (7, 'f', 'Protect unaccompanied and separated children at all stages of migration through the establishment of specialized procedures for their identification, referral, care and family reunification, and provide access to health care services, including mental health, education, legal assistance and the right to be heard in administrative and judicial proceedings, including by swiftly appointing a competent and impartial legal guardian, as essential means to address their particular vulnerabilities and discrimination, protect them from all forms of violence, and provide access to sustainable solutions that are in their best interests'),
  (7, 'g', 'Ensure migrants have access to public or affordable independent legal assistance and representation in legal proceedings that affect them, including during any related judicial or administrative hearing, in order to safeguard that all migrants, everywhere, are recognized as persons before the law and that the delivery of justice is impartial and non-discriminatory'),
  (7, 'h', 'Develop accessible and expedient procedures that facilitate transitions from one status to another and inform migrants of their rights and obligations, so as to prevent migrants from falling into an irregular status in the country of destination, to reduce precariousness of status and related vulnerabilities, as well as to enable individual status assessments for migrants, including for those who have fallen out of regular status, without fear of arbitrary expulsion'),
  (7, 'i', 'Build on existing practices to facilitate access for migrants in an irregular status to an individual assessment that may lead to regular status, on a case by case basis and with clear and transparent criteria, especially in cases where children, youth and families are involved, as an option to reduce vulnerabilities, as well as for States to ascertain better knowledge of the resident population'),
  (7, 'j', 'Apply specific support measures to ensure that migrants caught up in situations of crisis in countries of transit and destination have access to consular protection and humanitarian assistance, including by facilitating cross-border and broader international cooperation, as well as by taking migrant populations into account in crisis preparedness, emergency response and post-crisis action'),
  (7, 'k', 'Involve local authorities and relevant stakeholders in the identification, referral and assistance of migrants in a situation of vulnerability, including through agreements with national protection bodies, legal aid and service providers, as well as the engagement of mobile response teams, where they exist'),
  (7, 'l', 'Develop national policies and programmes to improve national responses that address the needs of migrants in situations of vulnerability, including by taking into consideration relevant recommendations of the Global Migration Group Principles and Guidelines, Supported by Practical Guidance, on the Human Rights Protection of Migrants in Vulnerable Situations');

-- Objective 8: associated actions
insert into objective_action (objective_number, letter, text) values
  (8, 'a', 'Develop procedures and agreements on search and rescue of migrants, with the primary objective to protect migrants'' right to life that uphold the prohibition of collective expulsion, guarantee due process and individual assessments, enhance reception and assistance capacities, and ensure that the provision of assistance of an exclusively humanitarian nature for migrants is not considered unlawful'),
  (8, 'b', 'Review the impacts of migration-related policies and laws to ensure that these do not raise or create the risk of migrants going missing, including by identifying dangerous transit routes used by migrants, by working with other States as well as relevant stakeholders and international organizations to identify contextual risks and establishing mechanisms for preventing and responding to such situations, with particular attention to migrant children, especially those unaccompanied or separated'),
  (8, 'c', 'Enable migrants to communicate with their families without delay to inform them that they are alive by facilitating access to means of communication along routes and at their destination, including in places of detention, as well as access to consular missions, local authorities and organizations that can provide assistance with family contacts, especially in cases of unaccompanied or separated migrant children, as well as adolescents'),
  (8, 'd', 'Establish transnational coordination channels, including through consular cooperation, and designate contact points for families looking for missing migrants, through which families can be kept informed on the status of the search and obtain other relevant information, while respecting the right to privacy and protecting personal data'),
  (8, 'e', 'Collect, centralize and systematize data regarding corpses and ensure traceability after burial, in accordance with internationally accepted forensic standards, and establish coordination channels at transnational level to facilitate identification and the provision of information to families'),
  (8, 'f', 'Make all efforts, including through international cooperation, to recover, identify and repatriate the remains of deceased migrants to their countries of origin, respecting the wishes of grieving families, and, in the case of unidentified individuals, facilitate the identification and subsequent recovery of the mortal remains, ensuring that the remains of deceased migrants are treated in a dignified, respectful and proper manner');

-- Objective 9: associated actions
insert into objective_action (objective_number, letter, text) values
  (9, 'a', 'Promote ratification, accession and implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organised Crime (UNTOC)'),
  (9, 'b', 'Use transnational, regional and bilateral mechanisms to share relevant information and intelligence on smuggling routes, modus operandi and financial transactions of smuggling networks, vulnerabilities faced by smuggled migrants, and other data to dismantle the smuggling networks and enhance joint responses'),
  (9, 'c', 'Develop gender-responsive and child-sensitive cooperation protocols along migration routes that outline step-by-step measures to adequately identify and assist smuggled migrants, in accordance with international law, as well as to facilitate cross-border law enforcement and intelligence cooperation in order to prevent and counter smuggling of migrants with the aim to end impunity for smugglers and prevent irregular migration, while ensuring that counter-smuggling measures are in full respect for human rights'),
  (9, 'd', 'Adopt legislative and other measures as may be necessary to establish the smuggling of migrants as a criminal offence, when committed intentionally and in order to obtain, directly or indirectly, a financial or other material benefit for the smuggler, and include enhanced penalties for smuggling of migrants under aggravating circumstances, in accordance with international law'),
  (9, 'e', 'Design, review or amend relevant policies and procedures to distinguish between the crimes of smuggling of migrants and trafficking in persons by using the correct definitions and applying distinct responses to these separate crimes, while recognizing that smuggled migrants might also become victims of trafficking in persons, therefore requiring appropriate protection and assistance'),
  (9, 'f', 'Take measures to prevent the smuggling of migrants along the migration cycle in partnership with other States and relevant stakeholders, including by cooperating in the fields of development, public information, justice, as well as training and technical capacity building at national and local levels, paying special attention to geographic areas from where irregular migration systematically originates');

-- Objective 10: associated actions
insert into objective_action (objective_number, letter, text) values
  (10, 'a', 'Promote, ratification, accession and implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (UNTOC)'),
  (10, 'b', 'Promote the implementation of the Global Plan of Action to Combat Trafficking in Persons and take into consideration relevant recommendations of the UNODC Toolkit to Combat Trafficking in Persons and other relevant UNODC documents when developing and implementing national and regional policies and measures relating to trafficking in persons'),
  (10, 'c', 'Monitor irregular migration routes which may be exploited by human trafficking networks to recruit and victimize smuggled or irregular migrants, in order to strengthen cooperation at bilateral, regional and cross-regional levels on prevention, investigation, and prosecution of perpetrators, as well as on identification of, and protection and assistance to victims of trafficking in persons'),
  (10, 'd', 'Share relevant information and intelligence through transnational and regional mechanisms, including on the modus operandi, economic models and conditions driving trafficking networks, strengthen cooperation between all relevant actors, including financial intelligence units, regulators and financial institutions, to identify and disrupt financial flows associated with trafficking in persons, and enhance judicial cooperation and enforcement with the aim to ensure accountability and end impunity'),
  (10, 'e', 'Apply measures that address the particular vulnerabilities of women, men, girls and boys, regardless of their migration status, that have become or are at risk of becoming victims of trafficking in persons and other forms of exploitation by facilitating access to justice and safe reporting without fear of detention, deportation or penalty, focusing on prevention, identification, appropriate protection and assistance, and addressing specific forms of abuse and exploitation'),
  (10, 'f', 'Ensure that definitions of trafficking in persons used in legislation, migration policy and planning, as well as in judicial prosecutions are in accordance with international law, in order to distinguish between the crimes of trafficking in persons and smuggling of migrants'),
  (10, 'g', 'Strengthen legislation and relevant procedures to enhance prosecution of traffickers, avoid criminalization of migrants who are victims of trafficking in persons for trafficking-related offences, and ensure that the victim receives appropriate protection and assistance, not conditional upon cooperation with the authorities against suspected traffickers'),
  (10, 'h', 'Provide migrants that have become victims of trafficking in persons with protection and assistance, such as measures for physical, psychological and social recovery, as well as measures that permit them to remain in the country of destination, temporarily or permanently, in appropriate cases, facilitating victims'' access to justice, including redress and compensation, in accordance with international law'),
  (10, 'i', 'Create national and local information systems and training programmes which alert and educate citizens, employers, as well as public officials and law enforcement officers, and strengthen capacities to identify signs of trafficking in persons, such as forced, compulsory or child labour, in countries of origin, transit and destination'),
  (10, 'j', 'Invest in awareness-raising campaigns, in partnership with relevant stakeholders, for migrants and prospective migrants on the risks and dangers of trafficking in persons, and provide them with information on preventing and reporting trafficking activities');

-- Objective 11: associated actions
insert into objective_action (objective_number, letter, text) values
  (11, 'a', 'Enhance international, regional and cross-regional border management cooperation, taking into consideration the particular situation of countries of transit, on proper identification, timely and efficient referral, assistance and appropriate protection of migrants in situations of vulnerability at or near international borders, in compliance with international human rights law, by adopting whole-of-government approaches, implementing joint cross-border trainings, and fostering capacity-building measures'),
  (11, 'b', 'Establish appropriate structures and mechanisms for effective integrated border management by ensuring comprehensive and efficient border crossing procedures, including through pre-screening of arriving persons, pre-reporting by carriers of passengers, and use of information and communication technology, while upholding the principle of non-discrimination, respecting the right to privacy and protecting personal data'),
  (11, 'c', 'Review and revise relevant national procedures for border screening, individual assessment and interview processes to ensure due process at international borders and that all migrants are treated in accordance with international human rights law, including through cooperation with National Human Rights Institutions and other relevant stakeholders'),
  (11, 'd', 'Develop technical cooperation agreements that enable States to request and offer assets, equipment and other technical assistance to strengthen border management, particularly in the area of search and rescue as well as other emergency situations'),
  (11, 'e', 'Ensure that child protection authorities are promptly informed and assigned to participate in procedures for the determination of the best interests of the child once an unaccompanied or separated child crosses an international border, in accordance with international law, including by training border officials in the rights of the child and child-sensitive procedures, such as those that prevent family separation and reunite families when family separation occurs'),
  (11, 'f', 'Review and revise relevant laws and regulations to determine whether sanctions are appropriate to address irregular entry or stay and, if so, to ensure that they are proportionate, equitable, non-discriminatory, and fully consistent with due process and other obligations under international law'),
  (11, 'g', 'Improve cross-border collaboration among neighbouring and other States relating to the treatment given to persons crossing or seeking to cross international borders, including by taking into consideration relevant recommendations from the OHCHR Recommended Principles and Guidelines on Human Rights at International Borders when identifying best practices');

-- Objective 12: associated actions
insert into objective_action (objective_number, letter, text) values
  (12, 'a', 'Increase transparency and accessibility of migration procedures by communicating the requirements for entry, admission, stay, work, study or other activities, and introducing technology to simplify application procedures, in order to avoid unnecessary delays and expenses for States and migrants'),
  (12, 'b', 'Develop and conduct intra- and cross-regional specialized human rights and trauma informed trainings for first responders and government officials, including law enforcement authorities, border officials, consular representatives and judicial bodies, to facilitate and standardize identification and referral of, as well as appropriate assistance and counselling in a culturally-sensitive way, to victims of trafficking in persons, migrants in situations of vulnerability, including children, in particular those unaccompanied or separated, and persons affected by any form of exploitation and abuse related to smuggling of migrants under aggravating circumstances'),
  (12, 'c', 'Establish gender-responsive and child-sensitive referral mechanisms, including improved screening measures and individual assessments at borders and places of first arrival, by applying standardized operating procedures developed in coordination with local authorities, National Human Rights Institutions, international organizations and civil society'),
  (12, 'd', 'Ensure that migrant children are promptly identified at places of first arrival in countries of transit and destination, and, if unaccompanied or separated, are swiftly referred to child protection authorities and other relevant services as well as appointed a competent and impartial legal guardian, that family unity is protected, and that anyone legitimately claiming to be a child is treated as such unless otherwise determined through a multi-disciplinary, independent and child-sensitive age assessment'),
  (12, 'e', 'Ensure that, in the context of mixed movements, relevant information on rights and obligations under national laws and procedures, including on entry and stay requirements, available forms of protection, as well as options for return and reintegration, is appropriately, timely and effectively communicated, and accessible');

-- Objective 13: associated actions
insert into objective_action (objective_number, letter, text) values
  (13, 'a', 'Use existing relevant human rights mechanisms to improve independent monitoring of migrant detention, ensuring that it is a measure of last resort, that human rights violations do not occur, and that States promote, implement and expand alternatives to detention, favouring non-custodial measures and community-based care arrangements, especially in the case of families and children'),
  (13, 'b', 'Consolidate a comprehensive repository to disseminate best practices of human rights based alternatives to detention in the context of international migration, including by facilitating regular exchanges and the development of initiatives based on successful practices among States, and between States and relevant stakeholders'),
  (13, 'c', 'Review and revise relevant legislation, policies and practices related to immigration detention to ensure that migrants are not detained arbitrarily, that decisions to detain are based on law, are proportionate, have a legitimate purpose, and are taken on an individual basis, in full compliance with due process and procedural safeguards, and that immigration detention is not promoted as a deterrent or used as a form of cruel, inhumane or degrading treatment to migrants, in accordance with international human rights law'),
  (13, 'd', 'Provide access to justice for all migrants in countries of transit and destination that are or may be subject to detention, including by facilitating access to free or affordable legal advice and assistance of a qualified and independent lawyer, as well as access to information and the right to regular review of a detention order'),
  (13, 'e', 'Ensure that all migrants in detention are informed about the reasons for their detention, in a language they understand, and facilitate the exercise of their rights, including to communicate with the respective consular or diplomatic missions without delay, legal representatives and family members, in accordance with international law and due process guarantees'),
  (13, 'f', 'Reduce the negative and potentially lasting effects of detention on migrants by guaranteeing due process and proportionality, that it is for the shortest period of time, safeguards physical and mental integrity, and that, as a minimum, access to food, basic healthcare, legal orientation and assistance, information and communication, as well as adequate accommodation is granted, in accordance with international human rights law'),
  (13, 'g', 'Ensure that all governmental authorities and private actors duly charged with administering immigration detention do so in a way consistent with human rights and are trained on non-discrimination, the prevention of arbitrary arrest and detention in the context of international migration, and are held accountable for violations or abuses of human rights'),
  (13, 'h', 'Protect and respect the rights and best interests of the child at all times, regardless of their migration status, by ensuring availability and accessibility of a viable range of alternatives to detention in non-custodial contexts, favouring community-based care arrangements, that ensure access to education and healthcare, and respect their right to family life and family unity, and by working to end the practice of child detention in the context of international migration');

-- Objective 14: associated actions
insert into objective_action (objective_number, letter, text) values
  (14, 'a', 'Cooperate to build consular capacities, train consular officers, promote arrangements for providing consular services collectively where individual States lack capacity, including through technical assistance, and to develop bilateral or regional agreements on various aspects of consular cooperation'),
  (14, 'b', 'Involve relevant consular and immigration personnel in existing global and regional fora on migration in order to exchange information and best practices about issues of mutual concern that pertain to citizens abroad and contribute to comprehensive and evidence-based migration policy development'),
  (14, 'c', 'Conclude bilateral or regional agreements on consular assistance and representation in places where States have an interest in strengthening effective consular services related to migration, but do not have a diplomatic or consular presence'),
  (14, 'd', 'Strengthen consular capacities in order to identify, protect and assist our nationals abroad who are in a situation of vulnerability, including victims of human and labour rights violations or abuse, victims of crime, victims of trafficking in persons, migrants subject to smuggling under aggravating circumstances, and migrant workers exploited in the process of recruitment, by providing training to consular officers on human rights-based, gender-responsive and child-sensitive actions in this regard'),
  (14, 'e', 'Provide our nationals abroad the opportunity to register with the country of origin, in close cooperation with consular, national and local authorities, as well as relevant migrant organizations, as a means to facilitate information, services and assistance to migrants in emergency situations and ensure migrants'' accessibility to relevant and timely information, such as by establishing helplines and consolidating national digital databases, while upholding the right to privacy and protecting personal data'),
  (14, 'f', 'Provide consular support to our nationals through advice, including on local laws and customs, interaction with authorities, financial inclusion, and business establishment, as well as through the issuance of relevant documentation, such as travel documents, and consular identity documents that may facilitate access to services, assistance in emergency situations, the opening of a bank account, and access to remittance facilities');

-- Objective 15: associated actions
insert into objective_action (objective_number, letter, text) values
  (15, 'a', 'Enact laws and take measures to ensure that service delivery does not amount to discrimination against migrants on the grounds of race, colour, sex, language, religion, political or other opinion, national or social origin, property, birth, disability or other grounds irrespective of cases where differential provision of services based on migration status might apply'),
  (15, 'b', 'Ensure that cooperation between service providers and immigration authorities does not exacerbate vulnerabilities of irregular migrants by compromising their safe access to basic services or unlawfully infringing upon the human rights to privacy, liberty and security of person at places of basic service delivery'),
  (15, 'c', 'Establish and strengthen holistic and easily accessible service points at local level, that are migrant inclusive, offer relevant information on basic services in a gender- and disability-responsive as well as child-sensitive manner, and facilitate safe access thereto'),
  (15, 'd', 'Establish or mandate independent institutions at the national or local level, such as National Human Rights Institutions, to receive, investigate and monitor complaints about situations in which migrants'' access to basic services is systematically denied or hindered, facilitate access to redress, and work towards a change in practice'),
  (15, 'e', 'Incorporate the health needs of migrants in national and local health care policies and plans, such as by strengthening capacities for service provision, facilitating affordable and non-discriminatory access, reducing communication barriers, and training health care providers on culturally-sensitive service delivery, in order to promote physical and mental health of migrants and communities overall, including by taking into consideration relevant recommendations from the WHO Framework of Priorities and Guiding Principles to Promote the Health of Refugees and Migrants'),
  (15, 'f', 'Provide inclusive and equitable quality education to migrant children and youth, as well as facilitate access to lifelong learning opportunities, including by strengthening the capacities of education systems and by facilitating non-discriminatory access to early childhood development, formal schooling, non-formal education programmes for children for whom the formal system is inaccessible, on-the-job and vocational training, technical education, and language training, as well as by fostering partnerships with all stakeholders that can support this endeavour');

-- Objective 16: associated actions
insert into objective_action (objective_number, letter, text) values
  (16, 'a', 'Promote mutual respect for the cultures, traditions and customs of communities of destination and of migrants by exchanging and implementing best practices on integration policies, programmes and activities, including on ways to promote acceptance of diversity and facilitate social cohesion and inclusion'),
  (16, 'b', 'Establish comprehensive and needs-based pre-departure and post-arrival programmes that may include rights and obligations, basic language training, as well as orientation about social norms and customs in the country of destination'),
  (16, 'c', 'Develop national short, medium and long term policy goals regarding the inclusion of migrants in societies, including on labour market integration, family reunification, education, non-discrimination and health, including by fostering partnerships with relevant stakeholders'),
  (16, 'd', 'Work towards inclusive labour markets and full participation of migrant workers in the formal economy by facilitating access to decent work and employment for which they are most qualified, in accordance with local and national labour market demands and skills supply'),
  (16, 'e', 'Empower migrant women by eliminating gender-based discriminatory restrictions on formal employment, ensuring the right to freedom of association, and facilitating access to relevant basic services, as measures to promote their leadership and guarantee their full, free and equal participation in society and the economy'),
  (16, 'f', 'Establish community centres or programmes at the local level to facilitate migrant participation in the receiving society by involving migrants, community members, diaspora organizations, migrant associations, and local authorities in intercultural dialogue, sharing of stories, mentorship programmes, and development of business ties that improve integration outcomes and foster mutual respect'),
  (16, 'g', 'Capitalize on the skills, cultural and language proficiency of migrants and receiving communities by developing and promoting peer-to-peer training exchanges, gender-responsive, vocational and civic integration courses and workshops'),
  (16, 'h', 'Support multicultural activities through sports, music, arts, culinary festivals, volunteering and other social events that will facilitate mutual understanding and appreciation of migrant cultures and those of destination communities'),
  (16, 'i', 'Promote school environments that are welcoming and safe, and support the aspirations of migrant children by enhancing relationships within the school community, incorporating evidence-based information about migration in education curricula, and dedicating targeted resources to schools with a high concentration of migrant children for integration activities in order to promote respect for diversity and inclusion, and to prevent all forms discrimination, including racism, xenophobia and intolerance');

-- Objective 17: associated actions
insert into objective_action (objective_number, letter, text) values
  (17, 'a', 'Enact, implement or maintain legislation that penalizes hate crimes and aggravated hate crimes targeting migrants, and train law enforcement and other public officials to identify, prevent and respond to such crimes and other acts of violence that target migrants, as well as to provide medical, legal and psychosocial assistance for victims'),
  (17, 'b', 'Empower migrants and communities to denounce any acts of incitement to violence directed towards migrants by informing them of available mechanisms for redress, and ensure that those who actively participate in the commission of a hate crime targeting migrants are held accountable, in accordance with national legislation, while upholding international human rights law, in particular the right to freedom of expression'),
  (17, 'c', 'Promote independent, objective and quality reporting of media outlets, including internet based information, including by sensitizing and educating media professionals on migration-related issues and terminology, investing in ethical reporting standards and advertising, and stopping allocation of public funding or material support to media outlets that systematically promote intolerance, xenophobia, racism and other forms of discrimination towards migrants, in full respect for the freedom of the media'),
  (17, 'd', 'Establish mechanisms to prevent, detect and respond to racial, ethnic and religious profiling of migrants by public authorities, as well as systematic instances of intolerance, xenophobia, racism and all other multiple and intersecting forms of discrimination in partnership with National Human Rights Institutions, including by tracking and publishing trends analyses, and ensuring access to effective complaint and redress mechanisms'),
  (17, 'e', 'Provide migrants, especially migrant women, with access to national and regional complaint and redress mechanisms with a view to promoting accountability and addressing governmental actions related to discriminatory acts and manifestations carried out against migrants and their families'),
  (17, 'f', 'Promote awareness-raising campaigns targeted at communities of origin, transit and destination in order to inform public perceptions regarding the positive contributions of safe, orderly and regular migration, based on evidence and facts, and to end racism, xenophobia and stigmatization against all migrants'),
  (17, 'g', 'Engage migrants, political, religious and community leaders, as well as educators and service providers to detect and prevent incidences of intolerance, racism, xenophobia, and other forms of discrimination against migrants and diasporas and support activities in local communities to promote mutual respect, including in the context of electoral campaigns');

-- Objective 18: associated actions
insert into objective_action (objective_number, letter, text) values
  (18, 'a', 'Develop standards and guidelines for the mutual recognition of foreign qualifications and non-formally acquired skills in different sectors in collaboration with the respective industries with a view to ensuring worldwide compatibility based on existing models and best practices'),
  (18, 'b', 'Promote transparency of certifications and compatibility of National Qualifications Frameworks by agreeing on standard criteria, indicators and assessment parameters, and by creating and strengthening national skills profiling tools, registries or institutions in order to facilitate effective and efficient mutual recognition procedures at all skills levels'),
  (18, 'c', 'Conclude bilateral, regional or multilateral mutual recognition agreements or include recognition provisions in other agreements, such as labour mobility or trade agreements, in order to provide equivalence or comparability in national systems, such as automatic or managed mutual recognition mechanisms'),
  (18, 'd', 'Use technology and digitalization to evaluate and mutually recognize skills more comprehensively based on formal credentials as well as non-formally acquired competences and professional experience at all skills levels'),
  (18, 'e', 'Build global skills partnerships amongst countries that strengthen training capacities of national authorities and relevant stakeholders, including the private sector and trade unions, and foster skills development of workers in countries of origin and migrants in 26 countries of destination with a view to preparing trainees for employability in the labour markets of all participating countries'),
  (18, 'f', 'Promote inter-institutional networks and collaborative programmes for partnerships between the private sector and educational institutions in countries of origin and destination to enable mutually beneficial skills development opportunities for migrants, communities and participating partners, including by building on the best practices of the Business Mechanism developed in the context of the Global Forum on Migration and Development'),
  (18, 'g', 'Engage in bilateral partnerships and programmes in cooperation with relevant stakeholders that promote skills development, mobility and circulation, such as student exchange programmes, scholarships, professional exchange programmes and trainee- or apprenticeships that include options for beneficiaries, after successful completion of these programmes, to seek employment and engage in entrepreneurship'),
  (18, 'h', 'Cooperate with the private sector and employers to make available easily accessible and gender-responsive remote or online skills development and matching programmes to migrants at all skills levels, including early and occupation-specific language training, on-the-job training and access to advanced training programmes, to enhance their employability in sectors with demand for labour based on the industry''s knowledge of labour market dynamics, especially to promote the economic empowerment of women'),
  (18, 'i', 'Enhance the ability of migrant workers to transition from a job or employer to another by making available documentation that recognizes skills acquired on the job or through training in order to optimize the benefits of upskilling'),
  (18, 'j', 'Develop and promote innovative ways to mutually recognize and assess formally and informally acquired skills, including through timely and complementary training to job seekers, mentoring, and internship programmes in order to fully recognize existing credentials and provide certificates of proficiency for the validation of newly acquired skills'),
  (18, 'k', 'Establish screening mechanisms of credentials and offer information to migrants on how to get their skills and qualifications assessed and recognized prior to departure, including in recruitment processes or at an early stage after arrival to improve employability'),
  (18, 'l', 'Cooperate to promote documentation and information tools, in partnership with relevant stakeholders, that provide an overview of a worker''s credentials, skills and qualifications, recognized in countries of origin, transit and destination, in order to enable employers to evaluate the suitability of migrant workers in job application processes');

-- Objective 19: associated actions
insert into objective_action (objective_number, letter, text) values
  (19, 'a', 'Ensure the full and effective implementation of the 2030 Agenda for Sustainable Development and the Addis Ababa Action Agenda by fostering and facilitating the positive effects of migration for the realization of all Sustainable Development Goals'),
  (19, 'b', 'Integrate migration into development planning and sectoral policies at local, national, regional and global levels, taking into consideration relevant existing policy guidelines and recommendations, such as the GMG Handbook on Mainstreaming Migration into Development Planning, in order to strengthen policy coherence and effectiveness of development cooperation'),
  (19, 'c', 'Invest in research on the impact of non-financial contributions of migrants and diasporas to sustainable development in countries of origin and destination, such as knowledge and skills transfer, social and civic engagement, and cultural exchange, with a view to developing evidence-based policies and strengthening global policy discussions'),
  (19, 'd', 'Facilitate the contributions of migrants and diasporas to their countries of origin, including by establishing or strengthening government structures or mechanisms at all levels, such as dedicated diaspora offices or focal points, diaspora policy advisory boards for governments to account for the potential of migrants and diasporas in migration and development policy-making, and dedicated diaspora focal points in diplomatic or consular missions'),
  (19, 'e', 'Develop targeted support programmes and financial products that facilitate migrant and diaspora investments and entrepreneurship, including by providing administrative and legal support in business creation, granting seed capital-matching, establish diaspora bonds and diaspora development funds, investment funds, and organize dedicated trade fairs'),
  (19, 'f', 'Provide easily accessible information and guidance, including through digital platforms, as well as tailored mechanisms for the coordinated and effective financial, voluntary or philanthropic engagement of migrants and diasporas, especially in humanitarian emergencies in their countries of origin, including by involving consular missions'),
  (19, 'g', 'Enable political participation and engagement of migrants in their countries of origin, including in peace and reconciliation processes, in elections and political reforms, such as by establishing voting registries for citizens abroad, and by parliamentary representation, in accordance with national legislation'),
  (19, 'h', 'Promote migration policies that optimize the benefits of diasporas for countries of origin and destination and their communities, by facilitating flexible modalities to travel, work and invest with minimal administrative burdens, including by reviewing and revising visa, residency and citizenship regulations, as appropriate'),
  (19, 'i', 'Cooperate with other States, the private sector and employers organizations to enable migrants and diasporas, especially those in highly technical fields and in high demand, to carry out some of their professional activities and engage in knowledge transfer in their home countries, without necessarily losing employment, residence status, or earned social benefits'),
  (19, 'j', 'Build partnerships between local authorities, local communities, the private sector, diasporas, hometown associations and migrant organizations to promote knowledge and skills transfer between their countries of origin and countries of destination, including by mapping the diasporas and their skills, as a means to maintain the link between diasporas and their country of origin');

-- Objective 20: associated actions
insert into objective_action (objective_number, letter, text) values
  (20, 'a', 'Develop a roadmap to reduce the transaction costs of migrant remittances to less than 3 per cent and eliminate remittance corridors with costs higher than 5 per cent by 2030 in line with target 10.c of the 2030 Agenda for Sustainable Development'),
  (20, 'b', 'Promote and support the United Nations International Day of Family Remittances and the IFAD Global Forum on Remittances, Investment and Development as an important platform to build and strengthen partnerships for innovative solutions on cheaper, faster and safer transfer of remittances with all relevant stakeholders'),
  (20, 'c', 'Harmonize remittance market regulations and increase the interoperability of remittance infrastructure along corridors by ensuring that measures to combat illicit financial flows and money laundering do not impede migrant remittances through undue, excessive or discriminatory policies'),
  (20, 'd', 'Establish conducive policy and regulatory frameworks that promote a competitive and innovative remittance market, remove unwarranted obstacles to non-bank remittance service providers in accessing payment system infrastructure, apply tax exemptions or incentives to remittance transfers, promote market access to diverse service providers, incentivize the private sector to expand remittance services, and enhance the security and predictability of low-value transactions by bearing in mind de-risking concerns, and developing a methodology to distinguish remittances from illicit flows, in consultation with remittance service providers and financial regulators'),
  (20, 'e', 'Develop innovative technological solutions for remittance transfer, such as mobile payments, digital tools or e-banking, to reduce costs, improve speed, enhance security, increase transfer through regular channels and open up gender-responsive distribution channels to underserved populations, including for persons in rural areas, persons with low levels of literacy, and persons with disabilities'),
  (20, 'f', 'Provide accessible information on remittance transfer costs by provider and channel, such as comparison websites, in order to increase the transparency and competition on the remittance transfer market, and promote financial literacy and inclusion of migrants and their families through education and training'),
  (20, 'g', 'Develop programmes and instruments to promote investments from remittance senders in local development and entrepreneurship in countries of origin, such as through matching grant mechanisms, municipal bonds and partnerships with hometown associations, in order to enhance the transformative potential of remittances beyond the individual households of migrant workers at skills levels'),
  (20, 'h', 'Enable migrant women to access financial literacy training and formal remittance transfer systems, as well as to open a bank account, own and manage financial assets, investments and business as means to address gender inequalities and foster their active participation in the economy'),
  (20, 'i', 'Provide access to and develop banking solutions and financial instruments for migrants, including low-income and female-headed households, such as bank accounts that permit direct deposits by employers, savings accounts, loans and credits in cooperation with the banking sector');

-- Objective 21: associated actions
insert into objective_action (objective_number, letter, text) values
  (21, 'a', 'Develop and implement bilateral, regional and multilateral cooperation frameworks and agreements, including readmission agreements, ensuring that return and readmission of migrants to their own country is safe, dignified and in full compliance with international human rights law, including the rights of the child, by determining clear and mutually agreed procedures that uphold procedural safeguards, guarantee individual assessments and legal certainty, and by ensuring they also include provisions that facilitate sustainable reintegration'),
  (21, 'b', 'Promote gender-responsive and child-sensitive return and reintegration programmes, that may include legal, social and financial support, guaranteeing that all returns in the context of such voluntary programmes effectively take place on the basis of the migrant''s free, prior and informed consent, and that returning migrants are assisted in their reintegration process through effective partnerships, including to avoid they become displaced in the country of origin upon return'),
  (21, 'c', 'Cooperate on identification of nationals and issuance of travel documents for safe and dignified return and readmission in cases of persons that do not have the legal right to stay on another State''s territory, by establishing reliable and efficient means of identification of own nationals such as through the addition of biometric identifiers in population registries, and by digitalizing civil registry systems, with full respect to the right to privacy and protection of personal data'),
  (21, 'd', 'Foster institutional contacts between consular authorities and relevant officials from countries of origin and destination, and provide adequate consular assistance to returning migrants prior to return by facilitating access to documentation, travel documents, and other services, in order to ensure predictability, safety and dignity in return and readmission'),
  (21, 'e', 'Ensure that the return of migrants who do not have the legal right to stay on another State''s territory is safe and dignified, follows an individual assessment, is carried out by competent authorities through prompt and effective cooperation between countries of origin and destination, and allows all applicable legal remedies to be exhausted, in compliance with due process guarantees, and other obligations under international human rights law'),
  (21, 'f', 'Establish or strengthen national monitoring mechanisms on return, in partnership with relevant stakeholders, that provide independent recommendations on ways and means to strengthen accountability, in order to guarantee the safety, dignity, and human rights of all returning migrants'),
  (21, 'g', 'Ensure that return and readmission processes involving children are carried out only after a determination of the best interests of the child, take into account the right to family life, family unity, and that a parent, legal guardian or specialized official accompanies the child throughout the return process, ensuring that appropriate reception, care and reintegration arrangements for children are in place in the country of origin upon return'),
  (21, 'h', 'Facilitate the sustainable reintegration of returning migrants into community life by providing them equal access to social protection and services, justice, psycho-social assistance, vocational training, employment opportunities and decent work, recognition of skills acquired abroad, and financial services, in order to fully build upon their entrepreneurship, skills and human capital as active members of society and contributors to sustainable development in the country of origin upon return i) Identify and address the needs of the communities to which migrants return by including respective provisions in national and local development strategies, infrastructure planning, budget allocations and other relevant policy decisions and cooperating with local authorities and relevant stakeholders');

-- Objective 22: associated actions
insert into objective_action (objective_number, letter, text) values
  (22, 'a', 'Establish or maintain non-discriminatory national social protection systems, including social protection floors for nationals and migrants, in line with the ILO Recommendation 202 on Social Protection Floors'),
  (22, 'b', 'Conclude reciprocal bilateral, regional or multilateral social security agreements on the portability of earned benefits for migrant workers at all skills levels, which refer to applicable social protection floors in the respective States, applicable social security entitlements and provisions, such as pensions, healthcare or other earned benefits, or integrate such provisions into other relevant agreements, such as those on long-term and temporary labour migration'),
  (22, 'c', 'Integrate provisions on the portability of entitlements and earned benefits into national social security frameworks, designate focal points in countries of origin, transit and destination that facilitate portability requests from migrants, address the difficulties women and older persons can face in accessing social protection, and establish dedicated instruments, such as migrant welfare funds in countries of origin that support migrant workers and their families');

-- Objective 23: associated actions
insert into objective_action (objective_number, letter, text) values
  (23, 'a', 'Support other States as we collectively implement the Global Compact, including through the provision of financial and technical assistance, in line with national priorities, policies action plans and strategies, through a whole-of-government and whole-of-society approach'),
  (23, 'b', 'Increase international and regional cooperation to accelerate the implementation of the 2030 Agenda for Sustainable Development in geographic areas from where irregular migration systematically originates due to consistent impacts of poverty, unemployment, climate change and disasters, inequality, corruption, poor governance, among other structural factors, through appropriate cooperation frameworks, innovative partnerships and the involvement of all relevant stakeholders, while upholding national ownership and shared responsibility'),
  (23, 'c', 'Involve and support local authorities in the identification of needs and opportunities for international cooperation for the effective implementation of the Global Compact and integrate their perspectives and priorities into development strategies, programmes and planning on migration, as a means to ensure good governance as well as policy coherence across levels of government and policy sectors, and maximize the effectiveness and impact of international development cooperation'),
  (23, 'd', 'Make use of the capacity-building mechanism and build upon other existing instruments to strengthen the capacities of relevant authorities by mobilizing technical, financial and human resources from States international financial institutions, the private sector, international organizations and other sources in order to assist all States in fulfilling the commitments outlined in this Global Compact'),
  (23, 'e', 'Conclude bilateral, regional or multilateral mutually beneficial, tailored and transparent partnerships, in line with international law, that develop targeted solutions to migration policy issues of common interest and address opportunities and challenges of migration in accordance with the Global Compact');

-- Relevant SDG targets, in booklet order
insert into objective_sdg_target (objective_number, target, position) values
  (1, '10.7', 1),
  (1, '17.18', 2),
  (2, '17.14', 1),
  (3, '1.4', 1),
  (3, '4.b', 2),
  (3, '5.b', 3),
  (3, '10.7', 4),
  (3, '16.10', 5),
  (4, '1.3', 1),
  (4, '10.7', 2),
  (4, '16.9', 3),
  (4, '17.18', 4),
  (5, '3.c', 1),
  (5, '4.b', 2),
  (5, '4.c', 3),
  (5, '8.3', 4),
  (5, '8.7', 5),
  (5, '8.8', 6),
  (5, '8.b', 7),
  (5, '10.2', 8),
  (5, '10.7', 9),
  (6, '1.3', 1),
  (6, '5.2', 2),
  (6, '5.4', 3),
  (6, '8.7', 4),
  (6, '8.8', 5),
  (6, '8.b', 6),
  (6, '10.2', 7),
  (6, '10.7', 8),
  (7, '1.3', 1),
  (7, '1.4', 2),
  (7, '5.2', 3),
  (7, '5.4', 4),
  (7, '8.7', 5),
  (7, '8.8', 6),
  (7, '10.2', 7),
  (7, '10.7', 8),
  (7, '16.2', 9),
  (7, '16.3', 10),
  (7, '16.7', 11),
  (7, '16.9', 12),
  (7, '17.14', 13),
  (8, '10.7', 1),
  (8, '16.1', 2),
  (8, '16.2', 3),
  (8, '16.3', 4),
  (8, '16.7', 5),
  (8, '17.18', 6),
  (9, '10.7', 1),
  (9, '16.1', 2),
  (9, '16.2', 3),
  (9, '16.3', 4),
  (9, '16.4', 5),
  (9, '17.6', 6),
  (9, '17.18', 7),
  (10, '5.2', 1),
  (10, '8.7', 2),
  (10, '8.8', 3),
  (10, '10.7', 4),
  (10, '16.2', 5),
  (10, '16.3', 6),
  (11, '9.1', 1),
  (11, '9.a', 2),
  (11, '10.7', 3),
  (11, '16.3', 4),
  (11, '17.16', 5),
  (11, '17.18', 6),
  (12, '5.1', 1),
  (12, '10.7', 2),
  (12, '16.3', 3),
  (12, '16.6', 4),
  (12, '16.9', 5),
  (12, '16.10', 6),
  (12, '17.18', 7),
  (13, '9.1', 1),
  (13, '16.3', 2),
  (13, '16.6', 3),
  (13, '16.9', 4),
  (13, '16.10', 5),
  (14, '1.3', 1),
  (14, '10.7', 2),
  (14, '16.3', 3),
  (14, '16.6', 4),
  (14, '16.9', 5),
  (14, '16.10', 6),
  (14, '17.16', 7),
  (14, '17.18', 8),
  (15, '1.3', 1),
  (15, '1.4', 2),
  (15, '3.3', 3),
  (15, '3.4', 4),
  (15, '3.7', 5),
  (15, '3.8', 6),
  (15, '4.1', 7),
  (15, '4.2', 8),
  (15, '4.3', 9),
  (15, '4.5', 10),
  (15, '6.1', 11),
  (15, '6.2', 12),
  (15, '7.1', 13),
  (15, '11.1', 14),
  (15, '16.b', 15),
  (15, '16.3', 16),
  (15, '16.9', 17),
  (15, '16.10', 18),
  (16, '4.7', 1),
  (16, '5.5', 2),
  (16, '10.2', 3),
  (16, '10.7', 4),
  (16, '11.b', 5),
  (16, '16.7', 6),
  (16, '16.b', 7),
  (16, '17.18', 8),
  (17, '8.5', 1),
  (17, '8.8', 2),
  (17, '10.3', 3),
  (17, '10.7', 4),
  (17, '16.7', 5),
  (17, '16.b', 6),
  (17, '17.17', 7),
  (17, '17.18', 8),
  (18, '3.c', 1),
  (18, '4.4', 2),
  (18, '4.b', 3),
  (18, '8.5', 4),
  (18, '8.6', 5),
  (18, '10.7', 6),
  (18, '17.17', 7),
  (18, '17.18', 8),
  (20, '1.4', 1),
  (20, '8.10', 2),
  (20, '10.c', 3),
  (20, '17.3', 4),
  (20, '17.7', 5),
  (20, '17.18', 6),
  (21, '1.3', 1),
  (21, '1.4', 2),
  (21, '10.7', 3),
  (21, '16.b', 4),
  (21, '16.9', 5),
  (21, '17.18', 6),
  (22, '1.3', 1),
  (22, '3.8', 2),
  (22, '5.4', 3),
  (22, '10.4', 4),
  (22, '10.7', 5),
  (22, '17.18', 6),
  (23, '17.3', 1),
  (23, '17.6', 2),
  (23, '17.7', 3),
  (23, '17.14', 4),
  (23, '17.16', 5),
  (23, '17.17', 6),
  (23, '17.18', 7);

-- The 10 guiding principles. The booklet's text export only says that the GCM rests on "10 guiding
-- principles" (human rights among them): their list is a graphic in the printed booklet. Names and short
-- descriptions therefore follow paragraph 15 of the GCM itself (A/RES/73/195), in its order.
insert into guiding_principle (number, name, description) values
  (1, 'People-centred', 'The Global Compact carries a strong human dimension, inherent to the migration experience itself. It promotes the well-being of migrants and the members of communities in countries of origin, transit and destination, and places individuals at its core.'),
  (2, 'International cooperation', 'The Global Compact is a non-legally binding cooperative framework that recognizes that no State can address migration alone because of the inherently transnational nature of the phenomenon. It requires international, regional and bilateral cooperation and dialogue.'),
  (3, 'National sovereignty', 'The Global Compact reaffirms the sovereign right of States to determine their national migration policy and their prerogative to govern migration within their jurisdiction, in conformity with international law.'),
  (4, 'Rule of law and due process', 'The Global Compact recognizes that respect for the rule of law, due process and access to justice are fundamental to all aspects of migration governance.'),
  (5, 'Sustainable development', 'The Global Compact is rooted in the 2030 Agenda for Sustainable Development and builds upon its recognition that migration is a multidimensional reality of major relevance for the sustainable development of countries of origin, transit and destination, which requires coherent and comprehensive responses.'),
  (6, 'Human rights', 'The Global Compact is based on international human rights law and upholds the principles of non-regression and non-discrimination, ensuring effective respect, protection and fulfilment of the human rights of all migrants, regardless of their migration status, across all stages of the migration cycle.'),
  (7, 'Gender-responsive', 'The Global Compact ensures that the human rights of women, men, girls and boys are respected at all stages of migration, their specific needs are properly understood and addressed and they are empowered as agents of change.'),
  (8, 'Child-sensitive', 'The Global Compact promotes existing international legal obligations in relation to the rights of the child, and upholds the principle of the best interests of the child at all times, as a primary consideration in all situations concerning children in the context of international migration.'),
  (9, 'Whole-of-government approach', 'Migration is a multidimensional reality that cannot be addressed by one government policy sector alone. A whole-of-government approach is needed to ensure horizontal and vertical policy coherence across all sectors and levels of government.'),
  (10, 'Whole-of-society approach', 'The Global Compact promotes broad multi-stakeholder partnerships to address migration in all its dimensions by including migrants, diasporas, local communities, civil society, academia, the private sector, parliamentarians, trade unions, National Human Rights Institutions, the media and other relevant stakeholders in migration governance.');

-- Stakeholder types for the whole-of-society consultation (GCM paragraph 15(j)), in display order.
insert into stakeholder_type (code, name, position) values
  ('CIVIL_SOCIETY', 'Civil society', 1),
  ('MIGRANT_DIASPORA', 'Migrant and diaspora organisations', 2),
  ('PRIVATE_SECTOR', 'Private sector', 3),
  ('TRADE_UNION', 'Trade unions', 4),
  ('ACADEMIA', 'Academia', 5),
  ('LOCAL_AUTHORITY', 'Local authorities', 6),
  ('NHRI', 'National human rights institutions', 7);
