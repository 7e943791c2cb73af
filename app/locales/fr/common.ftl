# Words every page shares: the header, footer, dates, pager and notices.
-brand = Custodian

brand = { -brand }
footer-tagline = { -brand } — vos données, traitées avec soin.
footer-privacy-notice = Politique de confidentialité
footer-language = Langue
footer-language-change = Changer
nav-main = Menu principal
nav-ticket-queue = File des tickets
nav-my-tickets = Mes tickets
nav-new-ticket = Nouveau ticket
nav-profile = Profil
nav-privacy = Confidentialité
nav-activity = Activité
nav-privacy-requests = Demandes RGPD
nav-team = Personnel
nav-roles = Rôles
nav-teams = Équipes
nav-audit-log = Journal d’audit
nav-keys = Clés
nav-fields = Champs
nav-permissions = Autorisations
nav-outbox = Boîte d’envoi
nav-export = Export
nav-privacy-settings = Paramètres de confidentialité
nav-retention = Conservation
nav-security = Sécurité
nav-settings = Paramètres
sign-in = Se connecter
sign-out = Se déconnecter
create-account = Créer un compte
loading = Chargement…
saving = Enregistrement…
save = Enregistrer
cancel = Annuler
removed-value = (supprimé)
pager-label = Pages
pager-newer = ← Plus récents
pager-older = Plus anciens →
pager-position = Page { $page } sur { $total }
error-reference = Référence : { $request-id }

# Dates: "30 nov. 2026, 14:05".
date = { $day } { $month } { $year }
date-time = { $date } à { $time }
month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
