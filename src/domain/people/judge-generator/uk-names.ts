/**
 * The judge generator's own name lists, kept apart from the tuning generator's (generator/names.ts)
 * and from the linkage engine's nickname table (linkage/nicknames.ts), so that a score on its
 * populations says how the engine does on names it was not built around. UK-style: English,
 * Scottish, Welsh, Irish, South Asian and Polish given names of several cohorts, each with the
 * short forms people are known by ("Livvy" for Olivia). Order is rough popularity.
 */
export interface GivenName {
  name: string;
  /** Short and familiar forms, as a school or a police officer might record them. */
  short: string[];
}

function parse(text: string): GivenName[] {
  return text
    .trim()
    .split(/\s*;\s*/)
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [name, forms] = entry.split(':');
      return { name: name!.trim(), short: forms ? forms.trim().split(/\s+/) : [] };
    });
}

export const girlsNames = parse(`
olivia: livvy liv ollie; amelia: millie amy mel; isla; ava; emily: em emmie millie; sophia: sophie;
grace: gracie; lily; jessica: jess jessie; charlotte: lottie charlie; evie; ruby; ella; poppy;
isabella: bella izzy issy; elizabeth: beth lizzie libby eliza betsy; matilda: tilly tilda;
eleanor: ellie nell nora; harriet: hattie; florence: flo florrie; georgia: georgie;
katherine: kate katie kitty kath; rebecca: becky becca; victoria: vicky tori; abigail: abbie abby;
josephine: josie jo; alexandra: alex lexi sasha; samantha: sam sammy; jennifer: jen jenny;
margaret: maggie peggy meg; catherine: cathy cat kate; siobhan; niamh; caoimhe; aoife; eilidh;
morag; rhiannon: rhi; cerys; ffion; seren; megan: meg; bethan: beth; amira; aisha; fatima;
zainab; maryam; hafsa; priya; anika; zofia: zosia; maja; natalia: nata; hanna; amelie; esme;
phoebe; imogen: immy; annabel: bel annie; penelope: penny; rosalind: rosie ros; theodora: thea dora;
gabrielle: gabby elle; daniella: dani ella; frances: fran frankie; susannah: susie sue; jade; leah
`);

export const boysNames = parse(`
oliver: ollie olly; george; noah; harry; jack: jacky; charlie; jacob: jake; thomas: tom tommy;
william: will billy liam; james: jamie jim jimmy; joshua: josh; alexander: alex xander sandy;
daniel: dan danny; samuel: sam sammy; benjamin: ben benji; joseph: joe joey; edward: ed ted eddie ned;
henry: harry hal; theodore: theo teddy; frederick: fred freddie; nathaniel: nate nat; matthew: matt;
michael: mike mikey; christopher: chris kit; nicholas: nick nicky; anthony: tony ant;
andrew: andy drew; jonathan: jon jonny; stephen: steve stevie; richard: rich richie; patrick: pat paddy;
dominic: dom; zachary: zac zach; gabriel: gabe; sebastian: seb; maximilian: max; lewis; callum;
euan; fraser; angus; ruaridh; dylan; rhys; owain; gethin; cian; oisin; padraig; mohammed: mo;
muhammad: mo; ibrahim; yusuf; zain; arjun; rohan; jakub: kuba; kacper; szymon; filip; aleksander: olek;
reuben; ezra; isaac; elliot; archie; alfie; finley: finn; harrison; leo; oscar; arthur: art; hugo
`);

export const parentGivenNames = {
  female: parse(`
sarah; emma; claire; nicola: nicky; rachel; lisa; kelly; victoria: vicky; gemma; louise; joanne: jo;
samantha: sam; helen; elizabeth: liz beth; catherine: cath kate; jane; susan: sue; amanda: mandy;
deborah: debbie deb; karen; julie; angela: angie; margaret: maggie; patricia: trish pat; tracey;
shazia; nadia; parveen; agnieszka: aga; katarzyna: kasia; anna; fiona; mairead; bronwen; sian
`),
  male: parse(`
david: dave davy; paul; mark; andrew: andy; richard: rich; michael: mike; christopher: chris;
stephen: steve; matthew: matt; robert: rob bob bobby; john: johnny jack; craig; darren; jason;
gareth; simon; neil; kevin: kev; anthony: tony; peter: pete; ian; scott; martin; steven: steve;
gary; philip: phil; william: bill will; nicholas: nick; alan; graham; colin; imran; tariq;
asif; piotr; tomasz: tomek; marek; seamus; declan; hamish; dafydd: dai
`),
};

/** Surnames, commonest first; some carry a second part for double-barrelled names. */
export const familyNames = `smith jones taylor brown williams wilson johnson davies robinson wright
thompson evans walker white roberts green hall wood jackson clarke khan patel ali hussain ahmed
begum shah singh kaur macdonald campbell stewart murray macleod fraser reid morgan griffiths
lewis hughes price jenkins powell rees owen murphy kelly byrne ryan oneill doyle kowalski nowak
wisniewski lewandowski kaminski freeman fletcher barker hunter spencer lawrence chambers
armstrong ellis gibson henderson kennedy marshall mason matthews palmer pearson sutherland
fitzgerald ashworth blackwood carrington dunmore entwistle featherstone gillingham
hargreaves illingworth kettlewell lonsdale merriweather northcott ormerod pemberton
quarmby rowbotham sowerby thackeray underwood venables wainwright yardley`.split(/\s+/);

export const streetWords = `church station park victoria queens kings mill high manor school
orchard meadow chapel green windsor york albert grange hillside elm oak beech willow
cedar ash birch rowan holly chestnut sycamore hawthorn`.split(/\s+/);

export const streetTypes = ['road', 'street', 'lane', 'close', 'avenue', 'drive', 'way', 'crescent', 'grove'];

/** Towns with a postcode area each. */
export const ukTowns: readonly [string, string][] = [
  ['leeds', 'LS'],
  ['bradford', 'BD'],
  ['glasgow', 'G'],
  ['cardiff', 'CF'],
  ['belfast', 'BT'],
  ['leicester', 'LE'],
  ['coventry', 'CV'],
  ['preston', 'PR'],
  ['norwich', 'NR'],
  ['exeter', 'EX'],
  ['swansea', 'SA'],
  ['dundee', 'DD'],
];
