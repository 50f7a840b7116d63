-- Where readers may share a site's stories: the networks' names in the order story pages offer
-- them, separated by spaces ("x facebook whatsapp email"); empty for none.

ALTER TABLE sites ADD COLUMN share_networks TEXT NOT NULL DEFAULT '';
