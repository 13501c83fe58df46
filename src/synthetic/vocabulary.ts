/**
 * The name vocabulary of the synthetic registry.
 *
 * Head: a few hundred of the commonest given names and surnames of Colombia and Venezuela, typed by hand in rough
 * order of frequency (public-knowledge words, written for this project). Tail: tens of thousands of names built
 * deterministically from Spanish morphology (patronymic -ez, toponymic -ero/-ado/-illo/-ales…, Basque -aga/-eta,
 * Portuguese and Italian endings common in Venezuela, Levantine names of the Caribbean coast, Wayuu, Pasto,
 * Kamëntsá, Nasa and Emberá patterns, particles such as "de la", and the inventive given names of both countries:
 * Yuleisy, Yeferson, Deiber…), kept only when pronounceable, unique and not offensive.
 *
 * Ranks follow a Zipf–Mandelbrot law (exponent 1.05), so a few names are very common and most are rare, as in a
 * real registry: that is what makes name search and blocking behave as they will in production.
 *
 * The vocabulary does not depend on the generator's seed: the same k-th name on every run.
 */
import { AliasTable, Random, ZipfSampler, zipfWeights } from './random';

export type Sex = 'F' | 'M';

/** Exponent and head-flattening offset of the rank laws (see README). */
export const SURNAME_ZIPF = { exponent: 1.1, offset: 3 } as const;
export const GIVEN_NAME_ZIPF = { exponent: 1.1, offset: 1 } as const;

/** How strongly a given name belongs to a generation: older (born before 1975) or younger (born 2005 or later). */
type Generation = -1 | 0 | 1;

// ---------------------------------------------------------------------------------------------------------------
// Head of the distribution, typed by hand. Order is rough frequency order. A trailing "+" marks names mostly given
// to children born since 2005, a trailing "-" names mostly borne by people born before 1975.

const FEMALE_HEAD = `
María, Luz-, Ana, Sandra-, Diana, Carolina, Paola, Claudia-, Martha-, Andrea, Natalia, Laura, Daniela+, Valentina+,
Gloria-, Adriana, Liliana-, Alejandra, Patricia-, Yuliana, Camila+, Juliana, Paula, Marcela, Angie+, Rosa-, Blanca-,
Mónica, Lina, Johana, Leidy, Sofía+, Mariana+, Isabella+, Gabriela+, Valeria+, Luisa, Yesenia, Yaneth-, Carmen-,
Elizabeth, Lorena, Jennifer, Katherine, Tatiana, Viviana, Milena, Esperanza-, Dayana, Karen, Yolanda-, Nancy-,
Fernanda+, Catalina, Jessica, Stefany, Yuri, Yurany, Sara+, Isabel, Margarita-, Teresa-, Cecilia-, Beatriz-, Amparo-,
Olga-, Marleny-, Nelly-, Mercedes-, Esther-, Elena, Inés-, Lucía+, Ángela, Cristina, Verónica, Silvia-, Sonia-,
Miriam-, Nubia-, Doris-, Stella-, Aura-, Yolima-, Marisol, Maritza-, Ruth-, Alba-, Rocío-, Pilar-, Consuelo-, Dora-,
Fanny-, Edith-, Ligia-, Leonor-, Emilce-, Yamile, Yadira, Yenny, Jenny, Kelly, Wendy, Nicol+, Salomé+, Antonella+,
Emily+, Mía+, Luciana+, Victoria+, Samantha+, Emma+, Martina+, Violeta+, Abigail+, Allison+, Danna+, Hanna+,
Zharick+, Sharick+, Ashley+, Nicole+, Juanita, Manuela+, Susana, Estefanía, Xiomara, Yessica, Yenifer, Deisy, Heidy,
Erika, Vanessa, Jazmín, Lizeth, Yuleidy, Mileidy, Yurley, Francy, Ingrid, Janeth-, Yudy, Dary-, Nidia-, Nohora-,
Aleida-, Edilma-, Rubiela-, Omaira-, Yusmary, Yoselin, Génesis+, Mariangel, Oriana+, Andreína, Yelitza, Marbelis,
Yusbelis, Yelimar, Yenire, Yohana, Mairelys, Yuleisy, Roxana, Yajaira-, Zuleima, Nayibe, Yaritza, Yorgelis,
Marianny, Dayerlin+, Yorleidis, Ninoska, Neida-, Mileydis, Franyelis, Migdalia-, Thais, Coromoto-, Chiquinquirá-,
Auxiliadora-, Milagros, Dulce, Yulimar, Guadalupe, Dolores-, Rosario-, Concepción-, Socorro-, Josefina-, Graciela-,
Gladys-, Norma-, Lucero, Irma-, Elsa-, Flor-, Emilia+, Antonia, Julia, Rebeca, Raquel, Noemí, Judith, Marina, Ximena,
Jimena+, Melissa, Brenda, Vivian, Lady, Karina, Carla, Mayerly, Gisela, Marlene-, Maribel, Eliana, Lizbeth, Yina,
Yineth, Keila, Shirley, Evelyn, Joselyn, Daisy, Brigitte, Yeimi, Mayra, Lesly, Astrid, Rosalba-, Betty-, Carmenza-,
Edelmira-, Eucaris-, Gilma-, Hilda-, Luzmila-, Mery-, Nora-, Otilia-, Alicia, Adela-, Amanda, Angélica, Bárbara,
Berta-, Clara, Débora, Eva, Fabiola-, Georgina, Helena, Ivonne, Jacqueline, Magaly, Maricela, Nataly, Olivia+, Regina,
Sabrina, Selena+, Tania, Vilma-, Zoraida-, Zulay, Yarelis, Yuribeth, Kimberly+, Maryuri, Yeraldin, Geraldine, Saray,
Aylin+, Ariana+, Amelia+, Renata+, Alessandra+, Luna+, Zoe+, Aitana+, Paulina, Agustina+, Celeste, Estrella,
Esmeralda, Perla, Leonela, Lisbeth, Marlyn, Yulexi, Zully
`;

const MALE_HEAD = `
José, Juan, Luis, Carlos, Jorge, Jesús, Andrés, Miguel, Diego, Jhon, Daniel, David, Javier, Alejandro, Fernando,
Manuel, Óscar, Santiago+, Sebastián+, Julián, Camilo, Felipe, Alberto-, Eduardo, Francisco, Antonio, Pedro, Ricardo,
Rafael, Gustavo-, Héctor-, Álvaro-, Jairo-, William, Wilson, Édgar-, Hernando-, Fabio-, Orlando-, Henry, Nelson-,
Jaime-, Germán-, Mauricio, Rodrigo, Mario, Enrique-, Víctor, Alexander, Cristian, Jhonatan, Kevin+, Brayan+,
Samuel+, Mateo+, Matías+, Nicolás+, Emmanuel+, Gabriel+, Tomás+, Martín+, Jerónimo+, Maximiliano+, Simón+,
Emiliano+, Thiago+, Ángel, Yeison, Jefferson, Anderson, Duván, Stiven, Edwin, Wilmer, Edison, Harold, Arley,
Albeiro-, Ferney, Yesid, Yamid, Jáider, Sneider, Yerson, Didier, Elkin, Fredy, Richard, Robinson, Franklin, Ramón-,
Pablo, Raúl-, Gregorio-, Guillermo-, Humberto-, Hugo, Ignacio-, Armando-, Arturo-, Augusto-, Benjamín+, César,
Ernesto-, Esteban, Federico, Gerardo-, Gilberto-, Ismael, Joaquín, Leonardo, Marco, Néstor-, Octavio-, Omar, Rubén,
Salvador-, Sergio, Teodoro-, Ulises, Vicente-, Wilfredo-, Adrián, Agustín+, Alfonso-, Alfredo-, Aníbal-, Bernardo-,
Cristóbal, Darío, Efraín-, Eliécer-, Emilio, Ezequiel, Fidel-, Gonzalo-, Heriberto-, Horacio-, Iván, Jacinto-, Jhonny,
Lisandro, Lorenzo, Marcos, Moisés, Noé, Norberto-, Reinaldo, Rigoberto-, Roberto-, Rogelio-, Saúl, Silvio-, Tiberio-,
Uriel, Wilmar, Yovanny, Giovanny, Yordy, Deivis, Yorman, Yonaiker+, Maikel, Kelvin, Keiner+, Deiner, Breiner+, Dilan+,
Johan, Alan, Elías, Abraham, Isaac+, Josué, Aarón, Jacobo+, Valentín+, Bruno+, Lucas+, Alexis, Freddy, Lenin, Nixon,
Ender, Eleazar-, Ramiro-, Edgardo, Yeferson, Brandon+, Jhoan, Jeisson, Darwin, Hamilton, Hernán-, Libardo-, Ovidio-,
Pastor-, Marino-, Misael, Nicanor-, Benito-, Eusebio-, Rosendo-, Aquiles, Argenis, Eudo, Nerio, Yoel, Yohandry,
Greiber, Wuilmer, Jonathan, Cristopher+, Eider, Arbey, Norbey, Yordan, Jair, Ronald, Rolando, Dagoberto-, Edilberto-,
Florentino-, Ananías-, Dairo, Duberney, Eduar, Fabián, Fausto, Franco, Gerson, Gildardo-, Jeremías+, Joel, Jonás,
Lázaro, Leandro, Luciano, Marlon, Mauro, Nehemías, Osvaldo, Pascual-, Patricio, Rodolfo-, Romario, Rubiel,
Sigifredo-, Teófilo-, Vladimir, Walter, Yimmy, Zacarías, Ian+, Axel+, Liam+, Dylan+, Santino+, Joshua+, Alejo+,
Salomón, Teo+, Gael+
`;

const SURNAME_HEAD = `
Rodríguez, González, Martínez, García, Gómez, López, Hernández, Sánchez, Pérez, Ramírez, Díaz, Torres, Rojas, Moreno,
Vargas, Jiménez, Muñoz, Castro, Ortiz, Gutiérrez, Suárez, Romero, Herrera, Álvarez, Castillo, Valencia, Quintero,
Morales, Restrepo, Ruiz, Mendoza, Guerrero, Medina, Silva, Osorio, Cárdenas, Giraldo, Ospina, Ríos, Marín,
Contreras, Parra, Acosta, Cruz, Salazar, Gil, Delgado, Cortés, Ramos, Mejía, Reyes, Navarro, Peña, Flores, Vásquez,
Rincón, Aguilar, Zapata, Cardona, Arias, Ochoa, Franco, Montoya, Sierra, Duarte, Molina, Rivera, Londoño, Sandoval,
Cabrera, Caicedo, Jaramillo, Chávez, Fernández, Benítez, Pineda, Velásquez, Correa, Bermúdez, Calderón, Vega, Lozano,
Campos, Carvajal, Escobar, Villamizar, Patiño, Arango, Betancur, Cano, Bustos, Ávila, Camacho, Montes, Mora,
Estrada, Pacheco, Lara, Figueroa, Uribe, Cuéllar, Galvis, Guzmán, Vera, Bernal, Beltrán, Cifuentes, Tovar, Barrios,
Prieto, Páez, Hurtado, Orozco, Arévalo, Mosquera, Palacios, Córdoba, Murillo, Rentería, Perea, Mena, Núñez, Blanco,
Bonilla, Rueda, Niño, Fonseca, Barrera, Pinto, Guerra, Rivas, Urdaneta, Briceño, Colmenares, Carrillo, Zambrano,
Villegas, Chacón, Duque, Rangel, Salcedo, Toro, Vallejo, Ardila, Serrano, Solano, Sarmiento, Monsalve, Durán,
Ortega, Rubio, Vélez, Henao, Zuluaga, Agudelo, Aguirre, Echeverri, Gaviria, Arbeláez, Aristizábal, Alzate, Ocampo,
Holguín, Valderrama, Sepúlveda, Tabares, Quiroga, Posada, Gallego, Salgado, Tamayo, Arboleda, Bedoya, Vanegas,
Hoyos, Tobón, Mesa, Márquez, Hidalgo, Linares, Salas, Marcano, Mata, Guevara, Lugo, Villalobos, Paz, Nava,
Ferrer, Rosales, Montilla, Aponte, Escalona, Piña, Sosa, Farías, Brito, Rivero, Bello, Bastidas, Maldonado, Barreto,
Acevedo, Manrique, Castellanos, Arteaga, Lozada, Machado, Forero, Bautista, Garzón, Triana, Barón, Buitrago, Pulido,
Alarcón, Roa, Téllez, Espitia, Salamanca, Chaparro, Monroy, Gaitán, Quintana, Neira, Olaya, Becerra, Porras, Caro,
Avendaño, Fajardo, Ballesteros, Bohórquez, Gamboa, Leal, Mojica, Sanabria, Castañeda, Espinosa, Parada, Pedraza,
Pardo, Amaya, Benavides, Burbano, Erazo, Chamorro, Narváez, Rosero, Coral, Enríquez, Ordóñez, Jurado, Meneses,
Mina, Viveros, Polo, Ariza, Escorcia, Meza, Cantillo, Mercado, Padilla, Arrieta, Caraballo, Miranda, Barraza,
Montenegro, Cervantes, Coronado, Anaya, Oviedo, Noriega, Villa, Ibarra, Montero, Zamora, Gallo, Jaimes, Carrascal,
Pabón, Useche, Pernía, Sequera, Velandia, Rondón, Colina, Graterol, Petit, Chirinos, Fuenmayor, Finol, Atencio,
Bracho, Sulbarán, Albornoz, Carrero, Vivas, Moncada, Palencia, Zerpa, Sifontes, Guanipa, Padrón, Lucena, Aranguren,
Galindo, Tortolero, Añez, Goitía, Istúriz, Urrego, Yepes, Otálvaro, Orrego, Lopera, Cuartas, Úsuga, Higuita,
Builes, Taborda, Pulgarín, Granada, Rozo, Poveda, Cely, Lancheros, Guarín, Lesmes, Urrea, Riaño, Patarroyo,
Cubillos, Infante, Acero, Rubiano, Suesca, Cañón, Malagón, Piñeros, Zárate, Mahecha, Robayo, Gualteros,
Leguizamón, Insuasty, Realpe, Solarte, Yela, Villota, Ocoró, Carabalí, Lucumí, Balanta, Sinisterra, Asprilla,
Lemos, Quiñones, Angulo, Cuero, Riascos, Hinestroza, Obregón, Valoyes, Ibargüen, Chalá, Charris, Pertuz, Rada,
Julio, Herazo, Berrío, Atencia, Cassiani, Villadiego, Marimón, Pájaro, Guette, Fontalvo, Ahumada, Bolaño,
Simancas, Vides, Torregroza, Altamar, Consuegra, Olivares, Bolívar, Echeverría, Urquijo, Larrea, Mendieta, Olano,
Arrubla, Goenaga, Zubiría, Izquierdo, Ibáñez, Domínguez, Méndez, Vásconez, Íñiguez, Estévez, Velasco, Moya,
Zuleta, Cadavid, Álzate, Pimienta, Montiel, Oquendo, Guarnizo, Bocanegra, Gamarra, Tapias, Pinzón, Barbosa,
Palomino, Quevedo, Saavedra, Valbuena, Baquero, Carreño, Murcia, Rengifo, Perdomo, Trujillo, Cortez, Saldarriaga,
Tejada, Collazos, Lasso, Mosquera, Arenas, Cuesta, Lobo, Oliveros, Jaraba, Mendivelso, Vidal, Pinilla
`;

/** Surnames of the Portuguese, Italian and Levantine communities of Venezuela and Colombia's Caribbean coast. */
const SURNAME_COMMUNITIES = `
De Freitas, De Sousa, De Abreu, Da Silva, Dos Santos, De Gouveia, Da Costa, De Andrade, Rodrigues, Fernandes,
Gonçalves, Ferreira, Pestana, Teixeira, Nóbrega, Jardim, Gouveia, Correia, Ornelas, Faria, Caires, Agrela, Aguiar,
Vasconcelos, Rossi, Russo, Esposito, Bianchi, Romano, Lombardi, Ricci, Greco, Conti, De Luca, Mancini, Giordano,
Rizzo, Moretti, Barbieri, Fontana, Caruso, Santoro, Mariani, Rinaldi, Ferrari, Leone, Longo, Gentile, Martinelli,
Vitale, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Ferraro, Di Giacomo, Di Mauro, D'Amico, Cardozo,
Turbay, Char, Gechem, Slebi, Jattin, Abuchaibe, Chams, Barguil, Saade, Nader, Haddad, Abdala, Salem, Yidi,
Daccarett, Manzur, Farah, Hakim, Name, Abisambra, Dáger, Fayad, Gattas, Amín, Jassir, Chagüi, Elías, Yunis,
Epieyú, Uriana, Ipuana, Pushaina, Epinayú, Jayariyú, Jusayú, Sapuana, Uliana, Pausayú, Arpushana, Jamioy, Chindoy,
Tisoy, Juajibioy, Mutumbajoy, Cuaical, Tarapués, Chalparizán, Paspuel, Puenayán, Taimal, Quelal, Pechené, Yatacué,
Tumiñá, Quilindo, Chicangana, Tunubalá, Ipia, Noscué, Domicó, Carupia, Dogirama, Tequia, Casama, Bailarín,
de la Cruz, de la Hoz, de la Rosa, de los Santos, del Río, del Castillo, de la Ossa, de Ávila, de León, de Armas,
del Valle, de la Torre, de la Espriella, de Alba, de Moya, de la Peña, del Toro, de Oro, de la Vega, de Hoyos,
de la Pava, de Castro, de los Reyes, de las Salas, de Lima, de la Ossa, de Vengoechea, de la Parra
`;

// ---------------------------------------------------------------------------------------------------------------
// Morphology used to synthesize the tail.

/** Old Spanish and Christian names whose stems made the patronymic surnames (Nuño → Núñez, Mendo → Méndez). */
const PATRONYMIC_SOURCES = `
Sancho, Nuño, Mendo, Lope, Pelayo, Ordoño, Bermudo, Vela, Galindo, Íñigo, Gome, Garci, Ximeno, Aznar, Velasco, Ramón,
Domingo, Enrique, Rodrigo, Martín, Sebastián, Benito, Blas, Froilán, Gutierre, Hernando, Ibán, Lucas, Marcos,
Matías, Nicolás, Pascual, Pedro, Simón, Suero, Telmo, Gil, Galo, Anselmo, Baltasar, Adán, Abel, Beltrán, Bernardo,
Bruno, Cosme, Dámaso, Dionisio, Eloy, Esteban, Fermín, Florián, Gaspar, Gerardo, Gregorio, Hilario, Hugo, Jacinto,
Jaime, Julián, Leandro, Lorenzo, Mateo, Mauricio, Narciso, Olegario, Patricio, Ramiro, Rufino, Tadeo, Valerio,
Vicente, Anacleto, Atanasio, Alonso, Álvaro, Diego, Fernando, Gonzalo, Marco, Vasco, Benedicto, Clemente, Crespo,
Fortún, Godino, Ermenegildo, Munio, Oveco, Tello, Fruela, Vimara, Ansúr, Sisnando, Teodomiro, Pelay, Guillén,
Arnaldo, Bartolo, Cipriano, Desiderio, Evaristo, Facundo, Gervasio, Ildefonso, Jacobo, Juliano, Leonardo, Lucio,
Manrique, Nemesio, Ovidio, Prudencio, Quirico, Remigio, Sabino, Saturnino, Silvestre, Tomé, Urbano, Venancio,
Bernal, Egidio, Elvio, Ferrán, Gimeno, Ladrón, Millán, Ponce, Quiñón, Rui, Sueiro, Yago, Antolín, Hermenegildo
`;

/** Place and landscape stems of Spanish toponymic surnames (Castr-o, Barr-era, Mont-oya, Carr-asco…). */
const TOPONYMIC_STEMS = `
castr, barr, carr, mont, vall, cerr, piedr, arroy, bust, cab, cald, camp, can, cast, cerv, fuent, garz, herr, hoy,
lag, lom, mat, med, mir, mol, noguer, olm, palom, pard, pen, pin, poz, prad, quint, rib, rob, roj, sal, sand, sauc,
serr, sot, tap, tej, tor, val, vel, vill, zam, zap, zarz, alm, arc, barb, berm, bot, burg, calv, cand, card, carv,
cas, cedr, cord, corr, cuadr, cuev, dur, espin, estr, fig, gal, gall, gran, guerr, guij, hinoj, jar, lar, lin, llan,
lob, lozan, luj, madr, manz, merc, mor, nav, or, pach, pal, par, pas, pedr, per, plaz, portill, puent, quir, ram,
rin, riv, roc, rom, rub, sab, sagr, salc, sarm, seg, sep, sierr, sol, tell, ter, torr, trej, urb, vaqu, varg, ved,
ver, vic, viz, zul, abr, alcal, alis, almend, aren, azor, bard, berr, bland, borj, brav, bur, cabr, cañ, carb, carden,
carrasc, castañ, cerc, chav, cob, colm, cerez, cresp, cuart, encin, escud, fonc, fres, galv, garr, gord, grij, guard,
huert, lagun, lastr, lechug, lin, llor, lud, mall, marc, medr, mend, mill, mont, morat, moy, muel, murc, navarr,
nogal, olmed, orteg, ovied, palac, parr, pav, peral, pesc, pizarr, plat, pont, portal, prat, pulg, rasc, riber,
robl, rond, ros, ruedr, sabin, salin, sarr, segu, solan, sotel, tabl, tall, terr, tobar, tol, tras, trig, vald, veg,
verd, vid, yedr, zarag, zurit
`;

/** Spanish toponymic endings; all stressed on their own first vowel, so only the aguda ones carry an accent. */
const TOPONYMIC_SUFFIXES = [
  'ero',
  'era',
  'ado',
  'ada',
  'edo',
  'eda',
  'illo',
  'illa',
  'ales',
  'ares',
  'ino',
  'ina',
  'ano',
  'ana',
  'ejo',
  'uela',
  'ón',
  'al',
  'ar',
  'anos',
  'oza',
  'osa',
  'ete',
  'azo',
  'ega',
  'iego',
  'ín',
  'eros',
  'illas',
  'edas',
  'izo',
  'uelo',
  'ote',
  'ones',
  'ería',
  'ales',
  'eño',
  'ueta',
  'ayo',
  'o',
  'a',
  'es',
  'as',
  'os',
];

const BASQUE_PREFIXES = `
ar, ur, ol, ib, ech, goi, zu, iz, az, ab, al, ami, ara, aran, arr, bar, bide, ela, elor, eraz, esc, gar, gor, ira,
itur, lar, leza, loi, men, mun, oca, olea, ond, orma, ota, sal, ugal, ulla, ure, urqu, uri, zab, zal, zub, zul, ans,
amu, aya, beas, elg, erre, ger, ibar, larr, lecu, mend, mug, oya, sagar, sarr, ut, yarz, zum, arb, arist, agu, arrie,
bengo, eche, goico, ech, olab, otaz, urd, urt, gal, ezp, ech, lasa, zar, ozt
`;

const BASQUE_SUFFIXES = [
  'aga',
  'iaga',
  'eta',
  'ieta',
  'ola',
  'ondo',
  'egui',
  'tegui',
  'zábal',
  'ábal',
  'arte',
  'alde',
  'ena',
  'ibar',
  'uri',
  'buru',
  'goitia',
  'rreta',
  'berri',
  'echea',
  'urre',
  'zar',
  'oz',
  'aín',
  'ano',
  'ia',
  'ua',
  'aza',
  'ategui',
  'uaga',
  'rría',
  'chea',
  'ieta',
  'aeta',
];

const PORTUGUESE_STEMS = `
ferr, per, olive, morei, silv, teix, barr, mour, carv, pinh, cabr, fig, rib, bez, vieir, sequ, pest, gouv, nobr,
andr, mach, fari, ornel, jard, cair, agr, aguia, vascon, corr, sous, abr, frei, mend, gonc, marq, cunh, loureir, pais,
couti, mont, vasc, bragu, camar, torr, quint, soar, tav, peix, cerq, lobe, ram
`;
const PORTUGUESE_SUFFIXES = [
  'eira',
  'eiro',
  'elo',
  'ela',
  'oso',
  'ado',
  'ães',
  'al',
  'ego',
  'inha',
  'os',
  'es',
];

const CATALAN_STEMS = `
ferr, sol, pujol, vid, cas, rov, bat, font, serr, roc, vil, mas, prat, riber, rius, llor, llob, puig, sal, bosc, cot,
farr, rib, torr, bert, mir, carb, mart, vall, castell, pon, mol, codin, pag, escol, bof, gisp, coll
`;
const CATALAN_SUFFIXES = ['ell', 'er', 'ol', 'ans', 'at', 'als', 'et', 'ós', 'ull', 'ench', 'ella'];

const ITALIAN_STEMS = `
ross, bianc, marin, lombard, ricc, gall, cont, manc, giord, rizz, mor, barb, font, car, sant, mar, rin, ferr, leon,
long, gent, vit, copp, march, par, ferrar, gras, mess, mont, bell, cass, pell, rom, russ, serr, zan, benedet, capp,
cardin, corsin, dall, fabr, fior, gar, guid, lucch, mazz, negr, pagan, pug, ruggi, salv, scott, tedesc, vent, zucc,
bonom, castell, cervin, falc, gatt, lanz, mancus, nard, orland, piccol, quaran, rovel, sorrent, trev, valent, ziz
`;
const ITALIAN_SUFFIXES = [
  'elli',
  'etti',
  'ini',
  'ucci',
  'one',
  'esi',
  'ardi',
  'ari',
  'ato',
  'ello',
  'etto',
  'ino',
  'ano',
  'olo',
  'uzzi',
  'azzi',
  'ieri',
  'otti',
  'aldi',
  'acci',
  'i',
  'o',
];

/** Consonants of Levantine names as Spanish spells them (kh as j, sh as ch). */
const LEVANTINE_CONSONANTS = ['b', 'd', 'f', 'h', 'j', 'l', 'm', 'n', 'r', 's', 't', 'y', 'z', 'ch', 'c'];
const LEVANTINE_FINALS = ['b', 'd', 'f', 'l', 'm', 'n', 'r', 's', 't', 'y', 'z'];

const WAYUU_PARTS = {
  starts: [
    'e',
    'i',
    'u',
    'a',
    'ja',
    'ju',
    'pu',
    'sa',
    'wa',
    'we',
    'ep',
    'ip',
    'ur',
    'ar',
    'pa',
    'si',
    'ji',
    'jay',
    'us',
  ],
  middles: [
    'pie',
    'pu',
    'ri',
    'li',
    'sha',
    'na',
    'pi',
    'ja',
    'wa',
    'ua',
    'ya',
    'ni',
    'ta',
    'sa',
    'pui',
    'ma',
  ],
  ends: ['yú', 'ana', 'aina', 'uana', 'iana', 'ayú', 'iyú', 'ona', 'ú', 'nayú'],
};
const KAMENTSA_PARTS = {
  starts: [
    'ja',
    'chin',
    'ti',
    'jua',
    'mutu',
    'ag',
    'bue',
    'chicu',
    'dej',
    'juaj',
    'mav',
    'pas',
    'quin',
    'sig',
    'tand',
  ],
  ends: ['oy', 'ajoy', 'ibioy', 'ioy', 'amoy', 'andoy', 'isoy', 'umbajoy', 'anoy'],
};
const PASTO_PARTS = {
  starts: [
    'cuai',
    'chal',
    'tai',
    'pas',
    'pue',
    'que',
    'chi',
    'tar',
    'cuas',
    'guay',
    'ill',
    'ma',
    'pai',
    'tep',
    'aza',
  ],
  ends: [
    'cal',
    'mal',
    'pués',
    'quer',
    'zán',
    'yán',
    'puel',
    'tud',
    'lal',
    'sán',
    'bud',
    'cuán',
    'tén',
    'tas',
    'buel',
  ],
};
const NASA_PARTS = {
  starts: [
    'yata',
    'tumi',
    'pech',
    'quili',
    'chica',
    'ipi',
    'tunu',
    'yalan',
    'cuet',
    'guet',
    'musi',
    'coic',
    'ves',
  ],
  ends: ['cué', 'ñá', 'ené', 'ndo', 'ngana', 'balá', 'ué', 'tia', 'lá', 'cha', 'que'],
};
const EMBERA_PARTS = {
  starts: [
    'do',
    'ca',
    'te',
    'sa',
    'ma',
    'ni',
    'che',
    'mem',
    'que',
    'gua',
    'ba',
    'chi',
    'pi',
    'ti',
    'ya',
    'bi',
    'cu',
  ],
  ends: [
    'micó',
    'rupia',
    'girama',
    'quia',
    'sama',
    'joré',
    'pia',
    'aza',
    'carama',
    'bache',
    'rama',
    'ruma',
    'riza',
  ],
};

const PARTICLE_FEMININE = `
Cruz, Rosa, Torre, Vega, Peña, Fuente, Cuesta, Sierra, Loma, Barrera, Calle, Parra, Ossa, Hoz, Espriella, Pava,
Ceiba, Mata, Roca, Serna, Villa, Plaza, Puente, Rivera, Cueva, Montaña, Garza, Palma, Cerda, Guardia, Ribera,
Portilla, Hera, Paz, Vera, Rúa, Cámara, Mora, Reina, Asunción, Candelaria, Sabana, Ciénaga, Isla
`;
const PARTICLE_MASCULINE = `
Río, Valle, Castillo, Monte, Campo, Pino, Prado, Real, Toro, Olmo, Pozo, Cerro, Puerto, Llano, Mar, Villar, Corral,
Portillo, Barco, Moral, Rosal, Risco, Solar, Hierro, Arco, Cid, Pilar, Carmen, Busto, Moral, Olivar, Palacio, Vado
`;
const PARTICLE_PLURAL = `
los Santos, los Reyes, los Ríos, los Llanos, los Arcos, los Cobos, los Mozos, los Olivos, los Robles, los Monteros,
las Casas, las Heras, las Cuevas, las Salas, las Nieves, las Mercedes, los Ángeles, los Cobos, las Aguas
`;
const PARTICLE_DE = `
Ávila, León, Armas, Moya, Castro, Oro, Alba, Hoyos, Lima, Haro, Lara, Luque, Mier, Soto, Vivero, Zubiría,
Vengoechea, Lemos, Francisco, Ángel, Aguas, Agustín, Bedout, Brigard, Greiff, Irisarri, Narváez, Pombo, Villafañe
`;

// Given-name morphology.

/** Latin and Spanish name stems (Aur-elio, Flor-encio, Av-elina…). */
const CLASSIC_STEMS = `
aur, av, ev, cel, clar, flor, gum, hil, iv, jul, leon, luc, mar, nar, or, rog, ros, sab, sev, silv, val, ven, vic,
zen, bern, clem, cris, dam, emer, eus, fel, gen, ger, ign, lor, max, nic, oct, pac, paul, pet, rom, ruf, ter, urb,
vir, alb, adel, amal, ambr, anast, ang, arm, art, asun, aug, bal, bas, ben, bland, cand, cas, cecil, cipr, con, cons,
cor, dan, del, dion, dom, dor, edel, eleut, eli, elv, em, ern, esm, est, eug, eul, fab, fau, fid, fil, fort, gal,
gaud, gerv, glor, grac, herm, hon, hort, ism, jac, leand, lib, lid, lin, lis, lucr, lud, mag, malv, marc, mart, mat,
maur, mel, merc, mil, mod, nat, nem, odil, ofel, olimp, ot, pal, pasc, plac, pol, prisc, prud, quir, rem, rob, rosal,
rosend, sal, san, sant, sat, ser, sim, sof, sol, tad, tel, teod, tib, tom, trin, venan, vital, viv, wilf, yol, zoil
`;
const CLASSIC_FEMALE_SUFFIXES = [
  'elia',
  'ina',
  'ana',
  'ela',
  'ia',
  'encia',
  'inda',
  'ilda',
  'alia',
  'eria',
  'ira',
  'isa',
  'ena',
  'ona',
  'elina',
  'iana',
];
const CLASSIC_MALE_SUFFIXES = [
  'elio',
  'ino',
  'ano',
  'ardo',
  'aldo',
  'iano',
  'ilio',
  'ario',
  'encio',
  'esto',
  'ulo',
  'ón',
  'ián',
  'ín',
  'andro',
  'ero',
  'eo',
  'iel',
  'elo',
  'erto',
  'undo',
];

/** Parts of the inventive given names of Venezuela and Colombia (Yul-eisy, Dei-ber, Yor-leidis, Jhon-ier). */
const FEMALE_CREATIVE_PREFIXES = `
yu, yo, ye, ya, lei, dei, mai, nai, kei, ari, dai, ana, mar, ros, yen, yes, yur, yor, dar, kar, kat, eli, mile, nor,
zul, yal, yam, fran, bri, dan, mag, mir, wen, shir, shar, dal, yad, yai, gre, jo, ju, jes, lis, lu, ma, da, ka, ke,
ro, ra, ri, sa, ta, va, ve, xi, yi, yus, yul, yel, yer, yan, yos, yoh, ash, kel, kim, jen, ste, mich, nic, sam, ev,
em, mel, bren, jos, al, am, an, ar, dei, de, di, fa, fe, gi, glo, i, ja, je, li, lo, me, mi, na, ne, ni, no, o, pa,
re, sol, su, te, vi, zo, zu, ey, ai, ei, mau, dail, yelit, nai, nel, ney, lay, yir, yur
`;
const FEMALE_CREATIVE_SUFFIXES = `
leidy, leidis, lenis, lena, leth, lis, lys, mar, mary, neth, nis, nys, beth, bel, bella, dis, dys, ris, rys, ly, li,
lin, line, lyn, ane, ani, any, ania, ela, elis, elys, ena, ene, enis, eth, ibeth, ileth, ina, ira, iris, ith, ixa,
eidy, eidis, ymar, ilda, anis, aris, arys, eika, eisy, eisis, mila, mira, nela, nira, rela, rina, sela, sira, zmin,
lexi, lexis, belis, marys, nelis, leisy, leyda, lidy, neidy, dely, reth, seth, zeth, yelis, yury, uris, uri, ennis,
elin, ely, ary, arelis, irene, onela, orelis
`;
const MALE_CREATIVE_PREFIXES = `
yei, jei, dei, mai, kei, brei, dar, yor, yer, jhon, wil, ed, eli, fre, nei, lei, rai, yon, yan, jan, yam, yes, jho,
dai, dan, fran, jos, rei, rey, ren, ron, al, ar, ber, car, dil, ger, her, ker, mar, ner, ol, or, ram, rob, ser, ter,
wal, yul, yu, ye, ya, yo, je, ja, ju, jo, da, de, di, do, ma, me, mi, na, ne, ni, no, ra, re, ri, ro, an, en, el,
er, il, is, ul, ur, wi, wuil, gei, grei, frei, ei, ai, oi, mi, ki, kle, bra, dra, stei, nai, ya, yef, jef, jon, dey
`;
const MALE_CREATIVE_SUFFIXES = `
son, sson, ner, der, mer, ber, ler, ter, ver, mar, mir, bert, berto, ker, kel, kin, ison, inson, erson, ardo, aldo,
ando, ino, ano, iel, el, er, ir, id, ey, ney, bey, rey, ley, neider, eider, iber, ilmer, ilson, an, en, in, on, ys, is,
us, ber, mer, lin, nis, dy, der, ver, wis, ton, ston, rick, ber, man, mán, nel, nier, ier, ar, ver, iro, airo, eiro,
elio, ilio, uel, ael, ilo, ulo, andy, endy, indy
`;

/**
 * Spelling habits that Colombian and Venezuelan civil registries show over and over (Yenny/Jenny, Jhonatan/Jonatan,
 * Leidy/Leydi/Leidi, Lizeth/Liseth, Brayan/Brallan, Jeison/Jeisson, Cristian/Christian, Maicol/Maycol). Each
 * spelling is a different registered name, which is what makes them hard for search.
 */
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/^y(?=[aeiou])/, 'j'],
  [/^j(?=[aeiou])/, 'y'],
  [/^j(?=[oe])/, 'jh'],
  [/^jh/, 'j'],
  [/^jh/, 'y'],
  [/(?<!c)h/, ''],
  [/i$/, 'y'],
  [/y$/, 'i'],
  [/ei/, 'ey'],
  [/ey/, 'ei'],
  [/ai/, 'ay'],
  [/ay/, 'ai'],
  [/eth$/, 'et'],
  [/et$/, 'eth'],
  [/s(?=eth$)/, 'z'],
  [/z(?=eth$)/, 's'],
  [/^c(?=[aou])/, 'k'],
  [/^k(?=[aou])/, 'c'],
  [/ph/, 'f'],
  [/^s(?=t)/, 'es'],
  [/n(?=y$|i$)/, 'nn'],
  [/nn/, 'n'],
  [/ss/, 's'],
  [/(?<=[aeiou])s(?=[aeiou])/, 'ss'],
  [/son$/, 'sson'],
  [/ch(?=el)/, 'sh'],
  [/ie$/, 'i'],
  [/^w(?=i)/, 'wu'],
  [/^wu/, 'w'],
  [/th/, 't'],
  [/an$/, 'am'],
  [/ll/, 'y'],
  [/(?<=[aeiou])y(?=[aeiou])/, 'll'],
  [/^chr/, 'cr'],
  [/^cr/, 'chr'],
  [/^x/, 'j'],
];

// ---------------------------------------------------------------------------------------------------------------
// Plausibility: what a Spanish-speaking registrar would accept as a name.

const VOWEL_LETTERS = 'aeiouáéíóúü';
const ONSET_CLUSTERS = new Set(['br', 'bl', 'cr', 'cl', 'dr', 'fr', 'fl', 'gr', 'gl', 'pr', 'pl', 'tr']);
/** Consonant pairs allowed across a syllable boundary (coda + onset). */
const CODA_ONSET = /^(?:[nrls][bcdfgjklmnpqrstvzhyñ]|m[bp]|c[ct]|p[t]|b[s]|z[cgq]|x[ct])$/;
/** Units that count as one consonant. */
const DIGRAPHS = ['ch', 'll', 'rr', 'qu', 'sh', 'th', 'jh', 'ph'];
const FOREIGN_DIGRAPHS = new Set(['sh', 'th', 'jh', 'ph']);

const OFFENSIVE_ANYWHERE = [
  'puta',
  'puto',
  'mierd',
  'culo',
  'caca',
  'pene',
  'verga',
  'cono',
  'pedo',
  'teta',
  'polla',
  'jode',
  'nazi',
  'marica',
  'gonorr',
  'malpar',
  'pendej',
  'cabron',
  'chimba',
  'chucha',
  'pinga',
  'huevo',
  'guevo',
  'webo',
  'cuca',
  'paja',
  'picha',
  'nalga',
  'chocha',
  'cipote',
  'zorra',
  'perra',
  'semen',
  'sexo',
  'porno',
  'droga',
  'coca',
  'saddam',
  'osama',
  'hitler',
  'satan',
  'diablo',
  'muert',
  'mongol',
  'idiot',
  'estupid',
  'bobo',
  'tonto',
  'loca',
  'loco',
  'feo',
  'gordo',
  'vaca',
  'burro',
  'cerdo',
  'rata',
  'mojon',
  'ladron',
  'orina',
  'caga',
  'mea',
  'preñ',
];
const OFFENSIVE_PREFIXES = ['anal', 'orto', 'toto', 'ano', 'ojete', 'cul'];

export interface PlausibilityRules {
  minLength: number;
  maxLength: number;
  /** Letters that may end the word besides vowels. */
  finals: string;
  /** Allows k, w, sh, th, jh, ph and doubled consonants, as inventive given names and some origins do. */
  foreign: boolean;
}

const SPANISH_SURNAME_RULES: PlausibilityRules = {
  minLength: 4,
  maxLength: 13,
  finals: 'nsrlzd',
  foreign: false,
};
const GIVEN_NAME_RULES: PlausibilityRules = {
  minLength: 4,
  maxLength: 11,
  finals: 'nsrlzdyh',
  foreign: true,
};

/** Lower case without accents; ñ becomes n. */
export function foldLetters(word: string): string {
  // Most candidates are plain ASCII; normalizing only when needed keeps the vocabulary build fast.
  if (!/[\u00a0-\uffff]/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function isVowelAt(word: string, index: number): boolean {
  const letter = word[index];
  if (letter === undefined) return false;
  if (letter === 'y') {
    // "y" is a vowel at the end of a word or before a consonant (Leidy, Deilys), a consonant before a vowel (Yuli).
    const next = word[index + 1];
    const previous = word[index - 1];
    return previous !== undefined && (next === undefined || !VOWEL_LETTERS.includes(next));
  }
  return VOWEL_LETTERS.includes(letter);
}

/** True when some 2- or 3-letter group is said twice in a row (Leonón, Ananys, Loureireiro). */
function repeatsSyllable(folded: string): boolean {
  for (let size = 2; size <= 3; size++) {
    for (let i = 0; i + 2 * size <= folded.length; i++) {
      if (folded.startsWith(folded.slice(i, i + size), i + size)) return true;
    }
  }
  return false;
}

/**
 * Checks a word's letters against the shapes Spanish names take: at most two vowels in a row and no doubled vowel;
 * consonant runs of one unit (ch, ll, rr, qu count as one), a coda + onset pair ("nt", "rb"), or a coda + onset
 * cluster ("ndr", "str"); a single consonant or an onset cluster at the start; an allowed letter at the end; q only
 * in "que"/"qui"; m (not n) before b and p; no syllable said twice in a row; nothing from the offensive list.
 */
export function isPlausibleWord(word: string, rules: PlausibilityRules): boolean {
  const folded = foldLetters(word);
  if (folded.length < rules.minLength || folded.length > rules.maxLength) return false;
  if (!/^[a-z]+$/.test(folded)) return false;
  if (!rules.foreign && /[kw]|tt|ss|nn|cc|zz|pp|dd|sh|th|jh|ph/.test(folded)) return false;
  if (
    /([a-z])\1\1|aa|ee|ii|oo|uu|yy|hh|ww|kk|jj|vv|qq|xx|ff|bb|gg|mm|q(?!u[ei])|n[bp]|m[^aeiouybpn]|^(?:rr|nn)|rr[^aeiou]|[^aeiou]rr|ll[^aeiouy]/.test(
      folded,
    )
  ) {
    return false;
  }
  // A silent h stands before a vowel (Ahumada, Johana), or inside ch, sh, th, jh, ph.
  if (/h(?![aeiouy])/.test(folded.replace(/[cstjp]h/g, '_'))) return false;
  if (repeatsSyllable(folded) || /^r[aeiou]rr|[aeiou]eth$/.test(folded)) return false;
  for (const part of OFFENSIVE_ANYWHERE) if (folded.includes(part)) return false;
  for (const part of OFFENSIVE_PREFIXES) if (folded.startsWith(part)) return false;

  // Walk the word as runs of vowels and of consonant units.
  let vowelsSeen = 0;
  let i = 0;
  while (i < folded.length) {
    const start = i;
    if (isVowelAt(folded, i)) {
      while (i < folded.length && isVowelAt(folded, i)) i++;
      if (i - start > 2) return false;
      vowelsSeen += i - start;
      continue;
    }
    const units: string[] = [];
    while (i < folded.length && !isVowelAt(folded, i)) {
      const pair = folded.slice(i, i + 2);
      if (DIGRAPHS.includes(pair)) {
        if (FOREIGN_DIGRAPHS.has(pair) && !rules.foreign) return false;
        units.push(pair);
        i += 2;
      } else {
        units.push(folded.charAt(i));
        i++;
      }
    }
    const atStart = start === 0;
    const atEnd = i === folded.length;
    const first = units[0] as string;
    if (atEnd) {
      const last = units[units.length - 1] as string;
      if (!(rules.finals.includes(last) || (rules.foreign && last === 'th')) || last === 'h') return false;
    }
    if (units.length === 2) {
      const second = units[1] as string;
      const joined = first + second;
      const ok = atStart
        ? ONSET_CLUSTERS.has(joined) || (rules.foreign && /^(?:st|sp)/.test(joined))
        : ONSET_CLUSTERS.has(joined) ||
          CODA_ONSET.test(`${first.slice(-1)}${second.charAt(0)}`) ||
          (rules.foreign && first === second && /^[tnsldcz]$/.test(first));
      if (!ok) return false;
      if (atEnd && !(rules.foreign && /^(?:th|nd|nt|rd|rt|ns|rs|ls|ts)$/.test(joined))) return false;
    } else if (units.length === 3) {
      if (atStart || atEnd) return false;
      const cluster = `${units[1]}${units[2]}`;
      if (!(/^[nrlsm]$/.test(first) && (ONSET_CLUSTERS.has(cluster) || cluster === 'st'))) return false;
    } else if (units.length > 3) {
      return false;
    }
  }
  return vowelsSeen >= 2 || folded.length <= 4;
}

// ---------------------------------------------------------------------------------------------------------------
// Spelling helpers.

function parseList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const STRONG_VOWELS = 'aeo';
const ACUTE: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/**
 * Puts the written accent on the last vowel group of a stem (Rodrigu + ez → Rodríguez, Suar + ez → Suárez), skipping
 * the silent u of "qu"/"gu" before e or i, and choosing the strong vowel of a diphthong.
 */
export function accentLastSyllable(stem: string, nextLetter: string): string {
  const letters = [...stem];
  let index = letters.length - 1;
  const silentU = (i: number) =>
    letters[i] === 'u' && (letters[i - 1] === 'q' || letters[i - 1] === 'g') && /[eiéí]/.test(nextLetter);
  while (index >= 0 && !('aeiou'.includes(letters[index] as string) && !silentU(index))) index--;
  if (index < 0) return stem;
  // A diphthong: the strong vowel takes the accent; two weak vowels put it on the second.
  const previous = letters[index - 1];
  if (previous !== undefined && 'aeiou'.includes(previous) && !silentU(index - 1)) {
    const current = letters[index] as string;
    if (!STRONG_VOWELS.includes(current) && STRONG_VOWELS.includes(previous)) index--;
  }
  letters[index] = ACUTE[letters[index] as string] ?? (letters[index] as string);
  return letters.join('');
}

/** Spanish spelling at a stem–suffix boundary: c/qu, g/gu and z/c before e and i; one vowel where two collide. */
export function joinStem(stem: string, suffix: string): string {
  const first = foldLetters(suffix.charAt(0));
  let base = stem;
  // Two vowels collide (Castro + illo): one goes. Checked before qu/gu are written, whose u is not a vowel sound.
  if ('aeiou'.includes(base.slice(-1)) && 'aeiouáéíóú'.includes(first) && suffix.length > 1) {
    base = base.slice(0, -1);
  }
  if (first === 'e' || first === 'i') {
    if (base.endsWith('c')) base = `${base.slice(0, -1)}qu`;
    else if (base.endsWith('g')) base = `${base.slice(0, -1)}gu`;
    else if (base.endsWith('z')) base = `${base.slice(0, -1)}c`;
  } else if (first !== '') {
    if (base.endsWith('qu')) base = `${base.slice(0, -2)}c`;
    else if (base.endsWith('gu') && 'aou'.includes(first)) base = `${base.slice(0, -2)}g`;
  }
  return base + suffix;
}

function patronymicStem(name: string): string | null {
  let stem = foldLetters(name);
  if (/[aeiou]$/.test(stem)) stem = stem.slice(0, -1);
  // Names in -s (Blas, Lucas, Matías) made irregular patronymics (Blázquez); they are left out.
  if (!/[bcdfglmnprtvzñ]$/.test(stem) || !/[aeiou]/.test(stem)) return null;
  return stem;
}

function hasOneAccentAtMost(word: string): boolean {
  return (word.match(/[áéíóú]/g) ?? []).length <= 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Synthesis: each category yields candidates; the builder keeps the plausible, unique ones and interleaves the
// categories in fixed proportions so every stretch of ranks mixes origins the way the registry does.

interface Category {
  name: string;
  /** Relative share of the ranks this category takes while it still has names. */
  weight: number;
  candidates: string[];
  /** Replaces the builder's test for categories with their own spelling (Haddad, Rizzo, Epieyú). */
  accept?: (name: string) => boolean;
}

function synthesizePatronymics(): string[] {
  const out: string[] = [];
  const sources = parseList(PATRONYMIC_SOURCES);
  for (const source of sources) {
    const stem = patronymicStem(source);
    if (!stem) continue;
    const ez = joinStem(stem, 'ez');
    out.push(capitalize(accentLastSyllable(ez.slice(0, -2), 'e') + ez.slice(-2)));
    out.push(capitalize(joinStem(stem.replace(/ñ/g, 'n'), 'es')));
    // -iz and -oz only follow the stems that took them historically (Ortiz, Muñiz, Muñoz).
    if (/[tñ]$/.test(stem)) out.push(capitalize(joinStem(stem, 'iz')), capitalize(joinStem(stem, 'oz')));
  }
  return out;
}

function synthesizeFromStems(stems: string[], suffixes: readonly string[], random: Random): string[] {
  const out: string[] = [];
  for (const stem of stems) {
    for (const suffix of suffixes) out.push(capitalize(joinStem(stem, suffix)));
  }
  return random.shuffle(out);
}

function synthesizeLevantine(random: Random): string[] {
  const out: string[] = [];
  const c = LEVANTINE_CONSONANTS;
  for (const a of c) {
    for (const b of c) {
      if (a === b) continue;
      for (const f of LEVANTINE_FINALS) {
        // CaCCaC (Haddad, Nassar), CaCiC (Hakim), CaCuC (Mansur-like with a coda), Abu-CaCaC.
        if (b.length === 1 && b !== 'h' && b !== 'y') out.push(`${a}a${b}${b}a${f}`);
        out.push(`${a}a${b}i${f}`);
        out.push(`${a}a${b}u${f}`);
        if (random.chance(0.15)) out.push(`abu${a}a${b}a${f}`);
      }
    }
  }
  return random.shuffle(out.map(capitalize));
}

function synthesizeFromParts(
  parts: { starts: string[]; middles?: string[]; ends: string[] },
  random: Random,
): string[] {
  const out: string[] = [];
  const middles = parts.middles ?? [''];
  for (const start of parts.starts) {
    for (const middle of middles) {
      for (const end of parts.ends)
        out.push(capitalize(joinStem(joinStem(start, middle || end), middle ? end : '')));
    }
  }
  return random.shuffle(out);
}

function synthesizeParticles(random: Random, tailSurnames: () => string[]): string[] {
  const out: string[] = [];
  for (const noun of parseList(PARTICLE_FEMININE)) out.push(`de la ${noun}`);
  for (const noun of parseList(PARTICLE_MASCULINE)) out.push(`del ${noun}`);
  for (const noun of parseList(PARTICLE_PLURAL)) out.push(`de ${noun}`);
  for (const noun of parseList(PARTICLE_DE)) out.push(`de ${noun}`);
  // A few "de" + toponymic surnames (de Villar, de Carrasco…): real families carry such forms.
  const extra = tailSurnames().filter((name) => /^[A-Z][a-z]+(?:al|ar|ales|eda|edo|era)$/.test(name));
  for (const name of random.shuffle(extra).slice(0, 300)) out.push(`de ${name}`);
  return random.shuffle(out);
}

/** Which consonant may follow a syllable-final n, r, l or s in the synthesized stems (Carrasco, Salcedo, Bernal). */
const CODA_FOLLOWERS: Record<string, string[]> = {
  '': ['b', 'c', 'd', 'g', 'j', 'l', 'll', 'm', 'n', 'p', 'r', 'rr', 's', 't', 'v', 'z', 'ñ', 'ch'],
  n: ['c', 'd', 'g', 'j', 's', 't', 'z', 'ch'],
  r: ['b', 'c', 'd', 'g', 'j', 'm', 'n', 's', 't', 'v', 'z', 'ch'],
  l: ['b', 'c', 'd', 'g', 'm', 'p', 't', 'v'],
  s: ['c', 'p', 't'],
};

/**
 * The deep tail: a Spanish two-syllable stem (onset, vowel, optional n/r/l/s, a second onset) and a Spanish ending.
 * Random combinations are sampled with a fixed seed; the plausibility filter keeps the pronounceable ones.
 */
function synthesizeSyllabicSurnames(random: Random): string[] {
  const onsets = [
    'b',
    'c',
    'ch',
    'd',
    'f',
    'g',
    'j',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'z',
    'br',
    'cr',
  ];
  const rareOnsets = ['gr', 'pr', 'tr', 'bl', 'cl', 'fl', 'pl', 'll', ''];
  const vowels = ['a', 'a', 'e', 'e', 'i', 'o', 'o', 'u', 'ie', 'ue'];
  const codas = ['', '', '', '', 'n', 'r', 'r', 'l', 's'];
  const endings = [
    ...TOPONYMIC_SUFFIXES.filter((ending) => ending.length > 1 && !/^[aeo]s$/.test(ending)),
    'ez',
  ];
  const out: string[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (out.length < 70_000 && attempts < 300_000) {
    attempts++;
    const onset = random.chance(0.85) ? random.pick(onsets) : random.pick(rareOnsets);
    const vowel = random.pick(vowels);
    const coda = random.pick(codas);
    // A cluster, a diphthong and a coda in one syllable (Bluer-, Clien-) is too heavy for a Spanish surname.
    if (onset.length === 2 && onset !== 'ch' && onset !== 'll' && (vowel.length === 2 || coda !== ''))
      continue;
    const second = random.pick(CODA_FOLLOWERS[coda] as string[]);
    const ending = random.pick(endings);
    const stem = `${onset}${vowel}${coda}${second}`;
    let name: string;
    if (ending === 'ez') {
      const joined = joinStem(stem, 'ez');
      name = accentLastSyllable(joined.slice(0, -2), 'e') + joined.slice(-2);
    } else {
      name = joinStem(stem, ending);
    }
    name = capitalize(name.replace(/z(?=[eiéí])/g, 'c'));
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** Fernando → Fernanda, Daniel → Daniela, Julián → Juliana: only for names of Spanish shape. */
function feminize(maleName: string): string | null {
  const folded = foldLetters(maleName);
  if (/[hkwy]/.test(folded.replace(/ch/g, ''))) return null;
  if (/o$/.test(folded)) return capitalize(`${folded.slice(0, -1)}a`);
  if (/(?:an|in|on|el|al)$/.test(folded) && !/son$/.test(folded)) return capitalize(`${folded}a`);
  return null;
}

/** Variants one spelling habit away, and with `twice`, two habits away (Jhonatan → Yonatan → Yonathan). */
function spellingVariants(name: string, twice = true): string[] {
  const folded = foldLetters(name);
  const out = new Set<string>();
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (!pattern.test(folded)) continue;
    const once = folded.replace(pattern, replacement);
    if (once === folded) continue;
    out.add(once);
    if (!twice) continue;
    for (const [secondPattern, secondReplacement] of SPELLING_RULES) {
      const twice = once.replace(secondPattern, secondReplacement);
      if (twice !== once && twice !== folded) out.add(twice);
    }
  }
  return [...out].map(capitalize);
}

/**
 * Inventive names: prefix + ending, or prefix + a consonant–vowel syllable + ending (Yu-ri-beth). The long form only
 * alternates consonants and vowels at its joins, which is what keeps Yuribeth pronounceable and drops Dailnys.
 */
function synthesizeCreative(
  prefixText: string,
  suffixText: string,
  random: Random,
  withMiddle: boolean,
): string[] {
  const prefixes = [...new Set(parseList(prefixText))];
  const suffixes = [...new Set(parseList(suffixText))];
  const middles = ['ri', 'li', 'ni', 'mi', 'di', 'ne', 'ma', 'la', 'ra', 'na', 'da', 'se', 'be', 'lu'];
  const isVowel = (letter: string) => 'aeiouy'.includes(letter);
  const out: string[] = [];
  for (const prefix of prefixes) {
    if (!withMiddle) {
      for (const suffix of suffixes) {
        let name = prefix;
        if (isVowel(name.slice(-1)) && name.slice(-1) === suffix.charAt(0)) name = name.slice(0, -1);
        out.push(capitalize(name + suffix));
      }
      continue;
    }
    if (!isVowel(prefix.slice(-1))) continue;
    for (const middle of middles) {
      for (const suffix of suffixes) {
        if (isVowel(suffix.charAt(0))) continue;
        out.push(capitalize(prefix + middle + suffix));
      }
    }
  }
  return random.shuffle(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Builder.

interface RankedNames {
  names: string[];
  generations: Int8Array;
}

function parseHead(text: string): Array<{ name: string; generation: Generation }> {
  return parseList(text).map((entry) => {
    if (entry.endsWith('+')) return { name: entry.slice(0, -1), generation: 1 as Generation };
    if (entry.endsWith('-')) return { name: entry.slice(0, -1), generation: -1 as Generation };
    return { name: entry, generation: 0 as Generation };
  });
}

/**
 * Ranks = head in its typed order, then the tail categories drawn in proportion to their weights (each category's
 * own order shuffled once with a fixed seed), skipping names already taken or implausible, until `target`.
 */
function rankNames(
  head: Array<{ name: string; generation: Generation }>,
  tiers: Category[][],
  target: number,
  accept: (name: string) => boolean,
  taken: Set<string>,
  random: Random,
): RankedNames {
  const names: string[] = [];
  const generations: number[] = [];
  for (const { name, generation } of head) {
    const key = foldLetters(name);
    if (taken.has(key)) continue;
    taken.add(key);
    names.push(name);
    generations.push(generation);
  }
  for (const tier of tiers) {
    const cursors = tier.map(() => 0);
    let open = tier.filter((category) => category.candidates.length > 0).length;
    while (open > 0 && names.length < target) {
      let total = 0;
      for (let i = 0; i < tier.length; i++) {
        const category = tier[i] as Category;
        if ((cursors[i] as number) < category.candidates.length) total += category.weight;
      }
      let point = random.float() * total;
      let chosen = -1;
      for (let i = 0; i < tier.length; i++) {
        const category = tier[i] as Category;
        if ((cursors[i] as number) >= category.candidates.length) continue;
        point -= category.weight;
        chosen = i;
        if (point < 0) break;
      }
      const category = tier[chosen] as Category;
      // Advance this category to its next acceptable name.
      while ((cursors[chosen] as number) < category.candidates.length) {
        const candidate = category.candidates[cursors[chosen] as number] as string;
        cursors[chosen] = (cursors[chosen] as number) + 1;
        const key = foldLetters(candidate);
        if (taken.has(key) || !(category.accept ?? accept)(candidate)) continue;
        taken.add(key);
        names.push(candidate);
        generations.push(0);
        break;
      }
      if ((cursors[chosen] as number) >= category.candidates.length) open--;
    }
  }
  return { names, generations: Int8Array.from(generations) };
}

function acceptSurname(name: string): boolean {
  if (!hasOneAccentAtMost(name)) return false;
  const words = name.split(' ');
  const last = words[words.length - 1] as string;
  return isPlausibleWord(last, SPANISH_SURNAME_RULES);
}

function acceptForeignSurname(name: string): boolean {
  return (
    hasOneAccentAtMost(name) &&
    isPlausibleWord(name, { minLength: 4, maxLength: 12, finals: 'nsrlzdbfmty', foreign: true })
  );
}

function acceptGivenName(name: string): boolean {
  return hasOneAccentAtMost(name) && isPlausibleWord(name, GIVEN_NAME_RULES);
}

export const SURNAME_TARGET = 45_000;
export const FEMALE_TARGET = 15_000;
export const MALE_TARGET = 13_000;

export interface Vocabulary {
  female: RankedNames;
  male: RankedNames;
  surnames: RankedNames;
}

function buildSurnames(random: Random): RankedNames {
  const head = parseHead(SURNAME_HEAD);
  const communities = parseHead(SURNAME_COMMUNITIES);
  // Community surnames sit after the Spanish head: common in Venezuela and on the coast, rare nationally.
  const headAll = [...head, ...communities];
  const toponymicStems = [...new Set(parseList(TOPONYMIC_STEMS))];
  const toponymic = synthesizeFromStems(toponymicStems, TOPONYMIC_SUFFIXES, random);
  const patronymic = random.shuffle(synthesizePatronymics());
  const basque = synthesizeFromStems([...new Set(parseList(BASQUE_PREFIXES))], BASQUE_SUFFIXES, random);
  const portuguese = synthesizeFromStems(parseList(PORTUGUESE_STEMS), PORTUGUESE_SUFFIXES, random);
  const catalan = synthesizeFromStems(parseList(CATALAN_STEMS), CATALAN_SUFFIXES, random);
  const italian = synthesizeFromStems(parseList(ITALIAN_STEMS), ITALIAN_SUFFIXES, random);
  const levantine = synthesizeLevantine(random);
  const indigenous = random.shuffle([
    ...synthesizeFromParts(WAYUU_PARTS, random),
    ...synthesizeFromParts(KAMENTSA_PARTS, random),
    ...synthesizeFromParts(PASTO_PARTS, random),
    ...synthesizeFromParts(NASA_PARTS, random),
    ...synthesizeFromParts(EMBERA_PARTS, random),
  ]);
  const particles = synthesizeParticles(random, () => toponymic.slice(0, 4000));
  const syllabic = synthesizeSyllabicSurnames(random);

  const taken = new Set<string>();
  const foreignCategories = new Set(['italian', 'levantine', 'catalan', 'portuguese', 'indigenous']);
  // Levantine and indigenous patterns combine into many more names than those families carry in the registry: they
  // are capped so the deep tail stays Spanish, as it is.
  const tierA: Category[] = [
    { name: 'toponymic', weight: 40, candidates: toponymic },
    { name: 'patronymic', weight: 10, candidates: patronymic },
    { name: 'basque', weight: 12, candidates: basque },
    { name: 'portuguese', weight: 5, candidates: portuguese },
    { name: 'catalan', weight: 3, candidates: catalan },
    { name: 'italian', weight: 7, candidates: italian.slice(0, 1600) },
    { name: 'levantine', weight: 4, candidates: levantine.slice(0, 1500) },
    { name: 'indigenous', weight: 5, candidates: indigenous.slice(0, 1800) },
    { name: 'particles', weight: 3, candidates: particles },
  ];
  const tierB: Category[] = [{ name: 'syllabic', weight: 1, candidates: syllabic }];
  // Foreign-origin categories follow their own spelling (Haddad, Rizzo, Pujol, Epieyú): their candidates were built
  // from their own parts, so only length, accents and the offensive list apply to them.
  for (const tier of [tierA, tierB]) {
    for (const category of tier) {
      if (foreignCategories.has(category.name)) category.accept = acceptForeignSurname;
    }
  }
  return rankNames(headAll, [tierA, tierB], SURNAME_TARGET, acceptSurname, taken, random);
}

function buildGivenNames(random: Random): { female: RankedNames; male: RankedNames } {
  const femaleHead = parseHead(FEMALE_HEAD);
  const maleHead = parseHead(MALE_HEAD);
  const femaleKeys = new Set(femaleHead.map((entry) => foldLetters(entry.name)));
  const maleKeys = new Set(maleHead.map((entry) => foldLetters(entry.name)));
  const classicStems = [...new Set(parseList(CLASSIC_STEMS))];

  const femaleVariants = random.shuffle(femaleHead.flatMap((entry) => spellingVariants(entry.name)));
  const maleVariants = random.shuffle(maleHead.flatMap((entry) => spellingVariants(entry.name)));
  const feminized = random.shuffle(
    maleHead.map((entry) => feminize(entry.name)).filter((name): name is string => name !== null),
  );
  const femaleClassic = synthesizeFromStems(classicStems, CLASSIC_FEMALE_SUFFIXES, random);
  const maleClassic = synthesizeFromStems(classicStems, CLASSIC_MALE_SUFFIXES, random);
  const femaleCreative = synthesizeCreative(
    FEMALE_CREATIVE_PREFIXES,
    FEMALE_CREATIVE_SUFFIXES,
    random,
    false,
  );
  const maleCreative = synthesizeCreative(MALE_CREATIVE_PREFIXES, MALE_CREATIVE_SUFFIXES, random, false);
  const femaleCreativeLong = synthesizeCreative(
    FEMALE_CREATIVE_PREFIXES,
    FEMALE_CREATIVE_SUFFIXES,
    random,
    true,
  );
  const maleCreativeLong = synthesizeCreative(MALE_CREATIVE_PREFIXES, MALE_CREATIVE_SUFFIXES, random, true);
  const femaleCreativeVariants = random.shuffle(
    femaleCreative.slice(0, 6000).flatMap((name) => spellingVariants(name, false)),
  );
  const maleCreativeVariants = random.shuffle(
    maleCreative.slice(0, 6000).flatMap((name) => spellingVariants(name, false)),
  );

  // Female names do not end in -o and male ones not in -a, and the two lists never share a name, so sex can be
  // read from the vocabulary.
  const femaleShape = (name: string) => !/o$/.test(foldLetters(name)) && !maleKeys.has(foldLetters(name));
  const maleShape = (name: string) => !/a$/.test(foldLetters(name)) && !femaleKeys.has(foldLetters(name));

  const takenFemale = new Set<string>(maleKeys);
  const takenMale = new Set<string>(femaleKeys);
  const female = rankNames(
    femaleHead,
    [
      [
        { name: 'variants', weight: 40, candidates: femaleVariants },
        { name: 'feminized', weight: 10, candidates: feminized },
        { name: 'classic', weight: 25, candidates: femaleClassic },
        { name: 'creative', weight: 25, candidates: femaleCreative },
      ],
      [
        { name: 'creative', weight: 40, candidates: femaleCreative.slice() },
        { name: 'creativeLong', weight: 40, candidates: femaleCreativeLong },
        { name: 'creativeVariants', weight: 20, candidates: femaleCreativeVariants },
      ],
    ],
    FEMALE_TARGET,
    (name) => acceptGivenName(name) && femaleShape(name),
    takenFemale,
    random,
  );
  // The male list must not take a synthesized female name either.
  for (const name of female.names) takenMale.add(foldLetters(name));
  const male = rankNames(
    maleHead,
    [
      [
        { name: 'variants', weight: 45, candidates: maleVariants },
        { name: 'classic', weight: 25, candidates: maleClassic },
        { name: 'creative', weight: 30, candidates: maleCreative },
      ],
      [
        { name: 'creative', weight: 40, candidates: maleCreative.slice() },
        { name: 'creativeLong', weight: 40, candidates: maleCreativeLong },
        { name: 'creativeVariants', weight: 20, candidates: maleCreativeVariants },
      ],
    ],
    MALE_TARGET,
    (name) => acceptGivenName(name) && maleShape(name),
    takenMale,
    random,
  );
  return { female, male };
}

let cached: Vocabulary | undefined;

/** Builds the vocabulary once per process (about a quarter of a second) and keeps it. */
export function getVocabulary(): Vocabulary {
  if (!cached) {
    // A fixed seed: the vocabulary is part of the generator's definition, not of a run.
    const random = Random.derive('ruta-vocabulary-v1');
    const surnames = buildSurnames(random);
    const { female, male } = buildGivenNames(random);
    cached = { female, male, surnames };
  }
  return cached;
}

export interface VocabularySizes {
  femaleGivenNames: number;
  maleGivenNames: number;
  givenNames: number;
  surnames: number;
}

export function vocabularySizes(): VocabularySizes {
  const vocabulary = getVocabulary();
  return {
    femaleGivenNames: vocabulary.female.names.length,
    maleGivenNames: vocabulary.male.names.length,
    givenNames: vocabulary.female.names.length + vocabulary.male.names.length,
    surnames: vocabulary.surnames.names.length,
  };
}

/** The k-th (0-based) commonest given name of a sex. */
export function givenName(sex: Sex, rank: number): string {
  const list = sex === 'F' ? getVocabulary().female.names : getVocabulary().male.names;
  const name = list[rank];
  if (name === undefined) throw new RangeError(`no given name at rank ${rank} (${list.length} names)`);
  return name;
}

/** The k-th (0-based) commonest surname. */
export function surname(rank: number): string {
  const name = getVocabulary().surnames.names[rank];
  if (name === undefined) throw new RangeError(`no surname at rank ${rank}`);
  return name;
}

/** Whether a name carries a Spanish particle ("de la Cruz", "del Río", "De Freitas", "Di Giacomo", "D'Angelo"). */
export function hasParticle(name: string): boolean {
  return /^(?:de|del|De|Da|Dos|Di|D')[ ']|^de (?:la|las|los) /.test(name);
}

/**
 * Samplers for the rank laws. Given names have three variants of the same Zipf law, reweighted by generation, so
 * grandmothers are Gloria and Blanca and granddaughters Valentina and Salomé, as registries show.
 */
export class NameSampler {
  private readonly surnameSampler: ZipfSampler;
  private readonly given: Record<Sex, [ZipfLike, ZipfLike, ZipfLike]>;
  private readonly vocabulary: Vocabulary;

  constructor(vocabulary: Vocabulary = getVocabulary()) {
    this.vocabulary = vocabulary;
    this.surnameSampler = new ZipfSampler(
      vocabulary.surnames.names.length,
      SURNAME_ZIPF.exponent,
      SURNAME_ZIPF.offset,
    );
    this.given = {
      F: generationSamplers(vocabulary.female),
      M: generationSamplers(vocabulary.male),
    };
  }

  surname(random: Random): string {
    return this.vocabulary.surnames.names[this.surnameSampler.sample(random)] as string;
  }

  /** Cohort 0: born before 1975; 1: 1975–2004; 2: 2005 and later. */
  givenName(random: Random, sex: Sex, cohort: 0 | 1 | 2): string {
    const names = sex === 'F' ? this.vocabulary.female.names : this.vocabulary.male.names;
    return names[this.given[sex][cohort].sample(random)] as string;
  }
}

interface ZipfLike {
  sample(random: Random): number;
}

/** How much a generation-marked name weighs in each birth cohort (older, middle, younger). */
const GENERATION_FACTORS: Record<Generation, [number, number, number]> = {
  [-1]: [3, 1, 0.1],
  0: [1, 1, 1],
  1: [0.1, 0.6, 4],
};

function generationSamplers(ranked: RankedNames): [ZipfLike, ZipfLike, ZipfLike] {
  const base = zipfWeights(ranked.names.length, GIVEN_NAME_ZIPF.exponent, GIVEN_NAME_ZIPF.offset);
  const forCohort = (cohort: 0 | 1 | 2): ZipfLike => {
    const weights = new Float64Array(base.length);
    for (let i = 0; i < base.length; i++) {
      const generation = (ranked.generations[i] ?? 0) as Generation;
      weights[i] = (base[i] as number) * GENERATION_FACTORS[generation][cohort];
    }
    return new AliasSampler(weights);
  };
  return [forCohort(0), forCohort(1), forCohort(2)];
}

class AliasSampler implements ZipfLike {
  private readonly table: AliasTable;
  constructor(weights: Float64Array) {
    this.table = new AliasTable(weights);
  }
  sample(random: Random): number {
    return this.table.sample(random);
  }
}
