# The customer's profile page, and the activity on their data.

profile-title = Mon profil
profile-intro = Tenez vos coordonnées à jour. Chaque modification est enregistrée dans votre activité.
profile-saved = Votre profil a été enregistré.
profile-email-help = Votre adresse e-mail vous sert à vous connecter : elle ne peut donc pas être modifiée ici.
profile-email-change-link = Demander un changement d’adresse e-mail
profile-save = Enregistrer le profil

activity-title = Activité sur mes données
activity-intro = Chaque modification de votre compte, de vos tickets et de vos messages, ainsi que chaque connexion, est enregistrée ici, qu’elle vienne de vous ou de notre équipe. Les entrées ne peuvent pas être modifiées après coup.
activity-loading = Chargement de l’activité…
activity-empty = Rien n’a encore été enregistré.
# Who made the change.
activity-by = par { $who }
