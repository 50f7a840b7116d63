{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="listing">
<header class="listing__header">
<p class="listing__kind">{{LISTING_KIND}}</p>
<h1 class="listing__title">{{LISTING_TITLE}}</h1>
{{#LISTING_NOTE}}<p class="listing__note">{{LISTING_NOTE_TEXT}}</p>
{{/LISTING_NOTE}}</header>
{{#STORIES}}<div class="card-list">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
{{/STORIES}}{{#EMPTY}}<p class="empty">{{T_NO_ARTICLES}}</p>
{{/EMPTY}}{{>PAGINATION}}{{>MOST_READ}}
</main>
{{>FOOTER}}
