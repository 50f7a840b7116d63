{{%AUTOESCAPE context="HTML"}}{{#NOTES}}<section class="story__notes" aria-labelledby="notes-heading">
<h2 id="notes-heading" class="story__notes-heading">{{T_NOTES_HEADING}}</h2>
<ol class="story__notes-list">
{{#NOTE}}<li class="story__note story__note--{{NOTE_KIND}}"><p class="story__note-when"><strong>{{NOTE_KIND_LABEL}}</strong> <time datetime="{{NOTE_ISO}}">{{NOTE_DATE}}</time></p>
<p class="story__note-text">{{NOTE_TEXT}}</p></li>
{{/NOTE}}</ol>
</section>
{{/NOTES}}<footer class="story__footer">
{{#SOURCE}}<p class="story__source">{{T_SOURCE}} <bdi class="story__agency">{{SOURCE_TEXT}}</bdi></p>
{{/SOURCE}}{{#TAGS}}<nav class="story__tags" aria-label="{{T_TAGS}}">
<h2 class="story__tags-heading">{{T_TAGS}}</h2>
<ul>
{{#TAG}}<li><a href="{{TAG_URL}}" rel="tag"><bdi>{{TAG_NAME}}</bdi></a></li>
{{/TAG}}</ul>
</nav>
{{/TAGS}}{{#SHARE}}<nav class="story__share" aria-label="{{T_SHARE_HEADING}}">
<h2 class="story__share-heading">{{T_SHARE_HEADING}}</h2>
<ul>
{{#SHARE_LINK}}<li><a href="{{SHARE_URL:none}}" class="story__share-link story__share-link--{{SHARE_NETWORK}}" rel="noopener noreferrer">{{SHARE_NAME}}</a></li>
{{/SHARE_LINK}}</ul>
</nav>
{{/SHARE}}</footer>
