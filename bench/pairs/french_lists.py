"""French words written by hand: lemmas to inflect, and words that only look alike.

The regular inflections (a plural in -s, a feminine in -e, a participle's four forms) are made
by ``bench.pairs.french_forms``; every form a rule would get wrong is written out here.
"""

from __future__ import annotations

from bench.pairs.tables import word_pairs, word_rows, words

REGULAR_NOUNS = words(
    """
    missile sanction ministre président accord attaque frappe soldat force armée guerre
    négociation élection député réfugié victime otage drone avion navire char arme bombe
    roquette explosion enquête rapport source responsable dirigeant gouvernement État ville
    région frontière territoire sommet réunion déclaration menace crise conflit projet loi
    vote parti manifestation manifestant prisonnier ambassade ambassadeur diplomate allié
    ennemi combattant milice base installation entreprise banque économie impôt euro
    dollar million milliard habitant citoyen enfant femme homme journaliste agence chaîne
    média image vidéo photo heure jour semaine année
    """
)
"""Nouns whose plural adds -s."""

IRREGULAR_PLURALS = word_pairs(
    """
    cheval chevaux
    journal journaux
    travail travaux
    général généraux
    hôpital hôpitaux
    animal animaux
    canal canaux
    tribunal tribunaux
    signal signaux
    bateau bateaux
    château châteaux
    niveau niveaux
    réseau réseaux
    bureau bureaux
    drapeau drapeaux
    feu feux
    jeu jeux
    lieu lieux
    enjeu enjeux
    neveu neveux
    vitrail vitraux
    corail coraux
    bail baux
    émail émaux
    cristal cristaux
    arsenal arsenaux
    amiral amiraux
    maréchal maréchaux
    rival rivaux
    idéal idéaux
    """
)
"""Plurals in -x, -aux and -eaux."""

REGULAR_ADJECTIVES = words(
    """
    vrai grand petit fort haut américain marocain allemand certain prochain humain plein
    musulman ami lourd lent récent puissant important suivant présent absent élu noir
    """
)
"""Adjectives (and ami) whose feminine adds -e and whose plurals add -s and -es."""

ADJECTIVE_FORMS = word_rows(
    """
    public publique publics publiques
    nouveau nouvelle nouveaux nouvelles
    beau belle beaux belles
    international internationale internationaux internationales
    national nationale nationaux nationales
    principal principale principaux principales
    spécial spéciale spéciaux spéciales
    social sociale sociaux sociales
    central centrale centraux centrales
    régional régionale régionaux régionales
    fédéral fédérale fédéraux fédérales
    électoral électorale électoraux électorales
    iranien iranienne iraniens iraniennes
    syrien syrienne syriens syriennes
    israélien israélienne israéliens israéliennes
    irakien irakienne irakiens irakiennes
    européen européenne européens européennes
    ancien ancienne anciens anciennes
    palestinien palestinienne palestiniens palestiniennes
    ukrainien ukrainienne ukrainiens ukrainiennes
    égyptien égyptienne égyptiens égyptiennes
    chrétien chrétienne chrétiens chrétiennes
    officiel officielle officiels officielles
    actuel actuelle actuels actuelles
    présidentiel présidentielle présidentiels présidentielles
    essentiel essentielle essentiels essentielles
    culturel culturelle culturels culturelles
    naturel naturelle naturels naturelles
    criminel criminelle criminels criminelles
    cruel cruelle cruels cruelles
    premier première premiers premières
    dernier dernière derniers dernières
    étranger étrangère étrangers étrangères
    entier entière entiers entières
    cher chère chers chères
    actif active actifs actives
    positif positive positifs positives
    négatif négative négatifs négatives
    offensif offensive offensifs offensives
    massif massive massifs massives
    décisif décisive décisifs décisives
    heureux heureuse heureux heureuses
    sérieux sérieuse sérieux sérieuses
    dangereux dangereuse dangereux dangereuses
    nombreux nombreuse nombreux nombreuses
    religieux religieuse religieux religieuses
    conservateur conservatrice conservateurs conservatrices
    protecteur protectrice protecteurs protectrices
    travailleur travailleuse travailleurs travailleuses
    turc turque turcs turques
    grec grecque grecs grecques
    long longue longs longues
    bon bonne bons bonnes
    blanc blanche blancs blanches
    franc franche francs franches
    sec sèche secs sèches
    faux fausse faux fausses
    doux douce doux douces
    français française français françaises
    libanais libanaise libanais libanaises
    """,
    4,
)
"""Masculine, feminine, masculine plural, feminine plural of adjectives no one rule makes."""

INVARIABLE_GENDER_ADJECTIVES = words(
    """
    militaire russe nucléaire britannique belge suisse arabe diplomatique politique
    économique stratégique islamique démocratique humanitaire
    """
)
"""Adjectives in -e, one form for both genders: only their plural differs."""

PARTICIPLES = words(
    """
    déclaré donné annoncé tué blessé arrêté lancé visé ciblé touché remplacé adopté signé
    rejeté condamné accusé libéré expulsé nommé désigné menacé frappé bombardé intercepté
    confirmé publié diffusé cité organisé détruit dit écrit fait produit conduit construit
    pris mis permis compris promis soumis ouvert couvert offert mort né venu reçu vendu
    perdu rendu attendu entendu défendu battu abattu connu voulu prévu fini choisi saisi
    réuni envahi trahi démenti
    """
)
"""Past participles, masculine singular; agreement adds -e, -s, -es (-s is already there
for pris, mis...)."""

ELIDED_WORDS = words(
    """
    ONU Iran armée Israël Europe OTAN AIEA accord attaque État ambassade enquête explosion
    offensive Ukraine Arabie Irak Égypte Allemagne Afghanistan Union Occident aviation homme
    arme avion opposition attentat agence AFP émir imam ayatollah ambassadeur élection
    économie énergie uranium enrichissement embargo assassinat ordre opération otage hôpital
    hôtel aéroport Alep Amérique Asie Afrique Oman Inde
    """
)
"""Words that begin with a vowel and so are written after l', d' or qu'."""

ACCENTED_WORDS = words(
    """
    État sécurité élection ministère président étrangère armée réponse développement
    économie énergie église école médecin général société préfet problème intérêt forêt
    tête fête arrêt hôpital rôle contrôle Noël Israël Haïti naïf théorie vérité liberté
    égalité réalité activité capacité autorité priorité majorité communauté députés
    résolution négociation révolution république fédéral Sénat dernière première réussite
    échec événement étude équipe époque français Téhéran Pékin Genève Québec côtier
    """
)
"""Words with accents or a diaeresis, which readers often type without them."""

SAME_STEM_DIFFERENT_WORDS = word_pairs(
    """
    général généralement
    port porte
    coup coupe
    tant tante
    côté côte
    mère mers
    mer mère
    sol sole
    cap cape
    rat rate
    pot pote
    sort sorte
    bas base
    ton tonne
    point pointe
    fil file
    vent vente
    rosé rose
    traité traite
    cour courir
    rang ranger
    pont ponte
    mine miner
    sel selle
    politique politiquement
    actuel actuellement
    réel réellement
    final finalement
    total totalement
    normal normalement
    seul seulement
    égal également
    simple simplement
    exact exactement
    libre librement
    large largement
    facile facilement
    vrai vraiment
    lent lentement
    sérieux sérieusement
    heureux heureusement
    complet complètement
    principal principalement
    officiel officiellement
    naturel naturellement
    fort fortement
    profond profondément
    militaire militairement
    clair clairement
    rapide rapidement
    direct directement
    gouvernement gouverner
    président présidence
    voyage voyager
    calcul calculer
    """
)
"""Two different words that Snowball's French stemmer gives one stem: a homograph after -e
is dropped (port, porte), an adverb and its adjective, a noun and a verb or another noun."""
