/** Source addresses DOMAIN.md section 1 gives for several gateways. */
export const devon =
  'https://beta.devon.gov.uk/informationsharing/legislation-relevant-to-sharing-information/';
export const london = 'http://londonsafeguardingchildrenprocedures.co.uk/appendix_1.html';
export const solihull = 'http://solihulllscb.proceduresonline.com/chapters/p_info_share.html';
export const cambs =
  'https://safeguardingcambspeterborough.org.uk/children-board/professionals/procedures/overarching-tier-1-children-safeguarding-data-sharing-agreement-dsa';
export const rcgp = 'https://elearning.rcgp.org.uk/mod/book/view.php?chapterid=1004&id=15290';
/** "Other gateways often listed" in Tier 1 appendices: DOMAIN.md gives these two sources for all. */
export const oftenListed = [solihull, london];
