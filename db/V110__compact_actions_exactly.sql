-- The associated actions exactly as in the Compact (A/RES/73/195): 187, of which V2 stored 186.
-- V2 was transcribed from the booklet's text export (now kept in docs/sources/), which
--  * runs action (i) of objective 21 (paragraph 37) into action (h), after "upon return", as "i) Identify ...":
--    (h) is cut back to its own words and (i) stored on its own;
--  * runs a page number into action (e) of objective 18 ("migrants in 26 countries of destination").
-- ReferenceDataMatchesBookletTest checks the Compact's count per objective and that no page furniture is left in
-- a text.

update objective_action
   set text = 'Facilitate the sustainable reintegration of returning migrants into community life by providing them equal access to social protection and services, justice, psycho-social assistance, vocational training, employment opportunities and decent work, recognition of skills acquired abroad, and financial services, in order to fully build upon their entrepreneurship, skills and human capital as active members of society and contributors to sustainable development in the country of origin upon return'
 where objective_number = 21 and letter = 'h';

insert into objective_action (objective_number, letter, text) values
  (21, 'i', 'Identify and address the needs of the communities to which migrants return by including respective provisions in national and local development strategies, infrastructure planning, budget allocations and other relevant policy decisions and cooperating with local authorities and relevant stakeholders');

update objective_action
   set text = replace(text, 'migrants in 26 countries of destination', 'migrants in countries of destination')
 where objective_number = 18 and letter = 'e';
