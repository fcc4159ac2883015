/**
 * Common English given names and the short and familiar forms that agency records use for them
 * (a school knows "Alfie", the GP "Alfred"; a police log says "Bill" for William). One line per
 * formal name: the formal name first, then its familiar forms. A familiar form can belong to
 * several formal names (Alex: Alexander and Alexandra); two names match through the table when
 * they share a line. Spellings are lower case, as the normaliser leaves names.
 */
const table = `
abigail abby abbie gail
adam ade
albert al bert bertie
alexander alex alec alistair sandy xander lex sasha
alexandra alex lexi sandra sandy alexa
alfred alf alfie fred freddie
allison ali allie
amanda mandy manda
andrew andy drew
angela angie
anthony tony ant
arthur art artie
barbara barb babs barbie
benjamin ben benji benny
bernard bernie
bridget biddy bridie
catherine cathy cath kate katie kathy cat kitty
katherine kathy kate katie kath kat
caroline carrie carol caro
charles charlie charley chas chuck
charlotte charlie lottie lotte
christina chris tina christine
christopher chris kit topher
clifford cliff
cynthia cindy
daniel dan danny
david dave davey
deborah debbie deb debs
dennis den
dominic dom
donald don donny
dorothy dot dottie dolly
douglas doug
edward ed eddie eddy ted teddy ned
edwin ed eddie
eleanor ellie nell nora elle
elizabeth liz lizzie lizzy beth betty betsy bess bessie eliza liza libby lisa elsie
ellen nell ellie
emily em emmy millie
emma em emmy
florence flo florrie
frances fran fanny frankie
francis frank frankie
frederick fred freddie freddy fritz
gabriel gabe
george georgie geordie
gabriella gabby ella
geoffrey geoff jeff
gerald gerry jerry
gregory greg
harold harry hal
harriet hattie harry
helen nell
henry harry hal hank hen
isabel izzy bella issy isabella
isabella bella izzy issy
jacob jake jay
jacqueline jackie jacqui
james jim jimmy jimmie jamie jem
jane jenny janey
janet jan jenny
jennifer jen jenny jenna
jessica jess jessie
joanna jo jo-anne
joanne jo
john jack johnny jon
jonathan jon jonny
joseph joe joey
josephine jo josie
joshua josh
judith judy jude
julia jules
julian jules
kenneth ken kenny
kimberley kim
lawrence larry laurie
leonard len lenny leo
lewis lew lou
louis lou louie
louise lou lulu
lucy lu
margaret maggie peggy meg madge marge margie rita greta daisy maisie
marjorie marge margie
martin marty
mary molly mollie polly mae mamie
matilda tilly tilda
matthew matt matty
michael mike mick mickey
michelle shelley
nathan nate
nathaniel nate nat
nicholas nick nicky
nicola nicky nikki
oliver ollie olly
olivia liv livvy
patricia pat patty trish tricia
patrick pat paddy
penelope penny
peter pete
philip phil pip
phillip phil
rachel rach
raymond ray
rebecca becky becca
richard rick ricky dick dickie rich richie
robert bob bobby bobbie rob robbie bert
rosemary rose rosie
ronald ron ronnie
samantha sam sammy
samuel sam sammy
sarah sally sadie
stephen steve stevie
steven steve stevie
stuart stu
susan sue susie suzy
suzanne sue suzy
terence terry
theodore theo ted teddy
thomas tom tommy thom
timothy tim timmy
valerie val
victoria vicky tori vic
vincent vince vinny
walter walt wally
william bill billy will willie willy liam
zachary zach zack
`;

/** name → the formal names whose line it is on (itself included when it is formal). */
const groups = new Map<string, string[]>();
for (const line of table.split('\n')) {
  const names = line.trim().split(/\s+/).filter(Boolean);
  const formal = names[0];
  if (!formal) continue;
  for (const name of names) {
    const list = groups.get(name) ?? [];
    if (!list.includes(formal)) list.push(formal);
    groups.set(name, list);
  }
}

/** How many formal–familiar pairs the table holds (the tests hold it to at least 150). */
export const nicknamePairCount = [...groups.entries()].reduce(
  (n, [name, formals]) => n + formals.filter((f) => f !== name).length,
  0,
);

/** True when the two names are the same name or forms of one name (Bill and William). */
export function areNameForms(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = groups.get(a);
  const gb = groups.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}

/** The familiar forms of a formal name ("william" → bill, billy, will, ...); [] when none. */
export function familiarForms(formal: string): string[] {
  const forms: string[] = [];
  for (const [name, formals] of groups) if (name !== formal && formals.includes(formal)) forms.push(name);
  return forms;
}

/** The formal name to block on: "bill" → "william"; unknown names stand for themselves. */
export function formalName(name: string): string {
  return groups.get(name)?.[0] ?? name;
}
