# The customer's privacy page, confirming or cancelling an email change,
# "Download my data", and what every privacy request shows (due date, history).

## A request's due date and history
privacy-due = Échéance : { $date }
privacy-due-extended = Échéance : { $date } (prolongée de { $months } mois)
privacy-due-overdue = — en retard
privacy-due-soon = — échéance dans moins de 7 jours
privacy-history-reason = Motif : { $reason }

## The customer's privacy page
privacy-title = Confidentialité
privacy-password = Votre mot de passe
privacy-email-title = Modifier mon adresse e-mail
privacy-email-intro = Votre adresse e-mail vous sert à vous connecter. Nous envoyons un lien de confirmation à la nouvelle adresse, et à votre adresse actuelle un message contenant un lien d’annulation ; une fois que vous avez confirmé, notre équipe applique la modification et vous vous connectez avec la nouvelle adresse.
privacy-email-sent = Nous avons envoyé un lien de confirmation à la nouvelle adresse. Ouvrez-le pour continuer. (Si cette adresse ne peut pas être utilisée, sa boîte de réception en est informée à la place.)
privacy-email-new = Nouvelle adresse e-mail
privacy-email-submit = Demander la modification
privacy-my-requests = Mes demandes
privacy-no-requests = Vous n’avez aucune demande.
privacy-received = Reçue le { $date }
privacy-withdraw = Retirer cette demande

## Deleting one's account (erasure, GDPR Art. 17)
privacy-delete-title = Supprimer mon compte et mes données
privacy-delete-intro = Lorsque notre équipe approuve votre demande (dans un délai d’un mois), nous :
privacy-delete-key = détruisons la clé qui chiffre vos données personnelles — dès lors, plus rien de ce que nous détenons à votre sujet ne peut être lu, pas même dans nos sauvegardes (une copie que vous avez téléchargée sur votre propre appareil reste la vôtre) ;
privacy-delete-records = supprimons votre profil, vos informations personnalisées, vos sessions, vos téléchargements de données et les e-mails que nous avons conservés pour vous ;
privacy-delete-last-mail = vous envoyons un dernier e-mail de confirmation, puis effaçons votre adresse e-mail.
privacy-delete-kept-tickets-deleted = Ce que nous conservons, et pourquoi : la trace de votre demande d’effacement et de son exécution, que la loi nous oblige à pouvoir présenter. Vos tickets sont supprimés. Rien de tout cela ne permet de vous identifier.
privacy-delete-kept-tickets-anonymised = Ce que nous conservons, et pourquoi : le statut et les dates de vos tickets, sans aucun contenu ni nom, afin que nos statistiques d’assistance restent exactes ; la trace de votre demande d’effacement et de son exécution, que la loi nous oblige à pouvoir présenter. Rien de tout cela ne permet de vous identifier.
privacy-delete-legal-obligation = Si une obligation légale nous impose de conserver vos données plus longtemps, nous vous en informons.
privacy-delete-withdraw-note = Vous pouvez retirer votre demande tant que nous n’avons pas commencé à l’exécuter. Téléchargez d’abord vos données si vous souhaitez en garder une copie.
privacy-delete-received = Nous avons bien reçu votre demande. Nous vous répondrons au plus tard le { $date }.
privacy-delete-open = Votre demande est en cours : suivez-la, ou retirez-la, dans « Mes demandes » ci-dessous.
privacy-delete-reason = Pourquoi partez-vous ? (facultatif)
privacy-delete-submit = Demander la suppression de mon compte

## Confirming or cancelling an email change (the mailed links)
privacy-confirm-email-title = Confirmez votre nouvelle adresse e-mail
privacy-confirm-email-done = Merci — l’adresse est confirmée. Notre équipe va examiner la modification ; vous pouvez la suivre sur votre page Confidentialité.
privacy-confirm-email-intro = Confirmez que vous souhaitez utiliser cette adresse pour votre compte { -brand }.
privacy-confirm-email-submit = Confirmer cette adresse
privacy-cancel-email-title = Annuler le changement d’adresse e-mail
privacy-cancel-email-done = Le changement est annulé, et tous les navigateurs connectés à votre compte ont été déconnectés. Si vous n’en êtes pas à l’origine, quelqu’un connaît peut-être votre mot de passe : choisissez-en un nouveau dès maintenant.
privacy-cancel-email-new-password = Choisir un nouveau mot de passe
privacy-cancel-email-intro = Annulez le changement de l’adresse e-mail de votre compte. Cela déconnecte également tous les navigateurs connectés à votre compte.
privacy-cancel-email-submit = Annuler le changement

## "Download my data" (data export, GDPR Art. 15 and 20)
privacy-export-title = Télécharger mes données
privacy-export-intro = Un fichier ZIP contenant tout ce que nous détenons à votre sujet : un fichier data.json structuré, des tableurs (CSV) et une page que vous pouvez ouvrir dans votre navigateur. Nous le préparons en arrière-plan — vous pouvez quitter la page et revenir plus tard. Pour votre sécurité, saisissez à nouveau votre mot de passe.
privacy-export-submit = Préparer mon téléchargement
privacy-export-requested = Demandé le { $date }
privacy-export-preparing = Préparation… { $percent } %
privacy-export-percent = { $percent } %
privacy-export-download = Télécharger le ZIP
privacy-export-ready = { $size } Ko · disponible jusqu’au { $date }
privacy-export-expired = Expiré
privacy-export-failed = La préparation a échoué — veuillez refaire la demande.
