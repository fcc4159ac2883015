/**
 * Name lists for the synthetic population, roughly in order of popularity in England and Wales
 * (ONS baby-name tables for the children, older cohorts for the parents). Picks are Zipf-weighted
 * by position, so the first names on each list are common and the last rare, as in life.
 */
export const boys =
  `oliver george noah arthur muhammad leo harry oscar archie henry theodore freddie jack charlie
theo alfie jacob thomas finley arlo william lucas isaac tommy teddy ethan jude james alexander
joshua max edward mason roman hugo louie albert reggie ronnie elijah harrison sebastian carter
reuben joseph ralph daniel samuel rory jaxon hunter benjamin ezra dylan adam grayson toby luca
michael zachary finn caleb kai elliot riley jenson rowan ellis louis elliott frederick jesse
harvey ollie ryan nathan gabriel liam stanley bobby jasper felix austin ethan kian alfred
harley jayden luke aaron owen leon rhys kyle connor callum jamie ben lewis jordan bradley
declan ashton tyler dominic patrick cameron morgan evan aidan ross`.split(/\s+/);

export const girls = `olivia amelia isla ava ivy freya lily florence mia willow rosie sophia isabella grace
daisy sienna poppy elsie emily ella evelyn phoebe sofia evie charlotte harper millie matilda
maya sophie alice emilia isabelle ruby luna maisie aria penelope mila bonnie eva hallie eliza
ada violet esme arabella imogen jessica delilah lottie layla thea margot harriet georgia chloe
ellie scarlett orla maeve nancy zara lyla aurora eleanor edith heidi molly robyn mabel darcie
holly amber hannah lucy martha megan niamh erin abigail lacey bethany leah paige caitlin
jasmine katie lauren rebecca summer kayla courtney shannon jade tia keira nicole kelsey`.split(/\s+/);

export const fathers = `david paul mark andrew james richard daniel michael christopher stephen matthew lee
robert john craig darren jason wayne gareth simon neil carl kevin anthony thomas adam peter
ian scott jonathan martin benjamin steven dean stuart gary philip jamie william ryan luke
nicholas alan graham shaun mohammed samuel edward timothy russell barry jeremy colin`.split(/\s+/);

export const mothers = `sarah emma laura claire rebecca nicola rachel lisa kelly victoria amy gemma hannah
louise katie jennifer elizabeth joanne samantha charlotte natalie stephanie michelle kirsty
helen jessica donna catherine alison jane lucy katherine leanne zoe susan amanda deborah
karen tracey julie angela caroline jacqueline patricia margaret dawn tanya abigail hayley`.split(/\s+/);

export const surnames = `smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson
thompson wright walker white edwards hughes green hall lewis harris clarke patel jackson wood
turner martin cooper hill ward morris moore clark lee king baker harrison morgan allen james
scott phillips watson davis parker price bennett young griffiths mitchell kelly cook carter
richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson simpson
ellis adams singh begum wilkinson foster chapman powell webb rogers gray mason ali hunt
hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler russell barker
fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson
howard andrews stewart elliott reynolds saunders payne fox ford pearce day brooks west lawrence
cole atkinson bradley spencer gill dawson ball burton o'brien watts rose booth perry ryan grant
wells armstrong francis rees hayes hart hudson newman barrett webster hunter gregory carr lowe
page marsh riley dunn woods parsons berry stone reid holland hawkins harding porter robertson
newton oliver reed kennedy williamson bird gardner shah dean lane cooke bates henderson parry
burgess bishop walton burns nicholson shepherd ross cross long freeman warren nicholls hamilton
byrne sutton mcdonald yates hodgson robson curtis hopkins o'connor harper coleman watkins moss
mccarthy chambers o'neill griffin sharp hardy wheeler potter osborne johnston gordon doyle
wallace george jordan hutchinson rowe burke may pritchard gilbert willis higgins read miles
stevenson stephenson hammond arnold buckley walters hewitt barber nelson slater austin sullivan
whitehead mann frost lambert stephens blake akhtar lynch goodwin barton woodward thomson cunningham
quinn barnett baxter bibi clayton nash greenwood jennings holt kemp poole gallagher bond stokes
tucker davidson fowler heath norman middleton lawson banks french stanley jarvis gibbs ferguson`.split(/\s+/);

/** Parts of English place-name surnames, combined for the long tail (Ashworth, Blackmore…). */
export const surnameHeads =
  `ash black brad brig broad brook burn cal chad chat cold crow dar den dun east edge
fair fern ford gold green grim hal ham hart haw hay hol hors kings kirk lang lock mar mid mill
moor nor oak pen pick rad red rid rock rom sal shel shir stan stock thorn un wad wal war wat
wel west whit wil win wood wors yar`.split(/\s+/);

export const surnameTails =
  `by bury combe cott croft dale den don field ford gate grave ham hill hurst ing ington
land ley low man mere more ridge rington shaw stead stone thwaite ton well wick win worth`.split(/\s+/);

export const middleNamesMale = `james john william thomas david george edward alexander michael lee mark paul
joseph peter robert charles henry arthur`.split(/\s+/);

export const middleNamesFemale =
  `louise marie jane elizabeth rose grace mae ann lynn victoria anne joy may hope
catherine mary charlotte frances`.split(/\s+/);

export const streetNames = `church station park victoria green manor queens grange kings mill new school north
south west high orchard chapel springfield windsor york alexandra albert richmond highfield
st johns meadow willow cedar beech elm oak ash birch hawthorn rowan cherry cromwell nelson
stanley wellington clarence belmont hillside brook river mount ridge valley holly ivy laurel`.split(/\s+/);

export const streetKinds = [
  'road',
  'street',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'crescent',
  'gardens',
  'court',
];

/** Towns with the postcode area they sit in (England, south-west and Midlands). */
export const towns: readonly [string, string][] = [
  ['bristol', 'BS'],
  ['bath', 'BA'],
  ['taunton', 'TA'],
  ['yeovil', 'BA'],
  ['bridgwater', 'TA'],
  ['exeter', 'EX'],
  ['plymouth', 'PL'],
  ['torquay', 'TQ'],
  ['gloucester', 'GL'],
  ['cheltenham', 'GL'],
  ['swindon', 'SN'],
  ['salisbury', 'SP'],
  ['dorchester', 'DT'],
  ['bournemouth', 'BH'],
  ['poole', 'BH'],
  ['weston-super-mare', 'BS'],
  ['frome', 'BA'],
  ['wells', 'BA'],
  ['minehead', 'TA'],
  ['chard', 'TA'],
  ['worcester', 'WR'],
  ['hereford', 'HR'],
  ['coventry', 'CV'],
  ['birmingham', 'B'],
  ['stroud', 'GL'],
];
