#!/usr/bin/env bash
# make-samples.sh - regenerates every sample upload in this folder (posters, essays, videos)
# plus manifest.csv, deterministically, from Debian tools only. Nothing is downloaded.
#
# Needs these Debian packages (bookworm):
#   apt-get update
#   apt-get install -y imagemagick libimage-exiftool-perl ffmpeg ghostscript fonts-dejavu-core
# (imagemagick: drawing the posters; libimage-exiftool-perl: writing the EXIF/XMP/IPTC/PNG/PDF
#  metadata and checking it; ghostscript: PostScript -> PDF essays; ffmpeg (with libx264, libvpx):
#  videos; fonts-dejavu-core: the DejaVu fonts used for poster and video text.)
#
# Usage:  bash uploads-sample/make-samples.sh      (from anywhere; writes next to itself)
# Re-runnable: posters/, essays/, videos/ and manifest.csv are deleted and rebuilt each run.
# README.md is hand-written documentation and is not touched.
#
# All the people, names and places in these files are fictional. Children appear by FIRST name
# only; the full (adult) names and GPS positions are there ON PURPOSE, as privacy-relevant
# metadata that JuryRoom's metadata scrubber has to remove. See README.md for the exact list.
set -euo pipefail

export LC_ALL=C TZ=UTC
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

# --- tools -------------------------------------------------------------------------------------
# /usr/local/bin/convert may be a stand-in on some machines: use ImageMagick's real binary.
if command -v magick >/dev/null 2>&1; then IM=(magick)
elif [ -x /usr/bin/convert ]; then IM=(/usr/bin/convert)
else echo "ImageMagick missing: apt-get install -y imagemagick" >&2; exit 1; fi
for t in exiftool gs ffmpeg ffprobe; do
  command -v "$t" >/dev/null 2>&1 || { echo "$t missing - see the package list at the top of $0" >&2; exit 1; }
done
FONT_DIR=/usr/share/fonts/truetype/dejavu
[ -f "$FONT_DIR/DejaVuSans-Bold.ttf" ] || { echo "fonts-dejavu-core missing" >&2; exit 1; }
BOLD="$FONT_DIR/DejaVuSans-Bold.ttf"
REG="$FONT_DIR/DejaVuSans.ttf"
SERIF="$FONT_DIR/DejaVuSerif-Bold.ttf"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

rm -rf posters essays videos manifest.csv
mkdir -p posters essays videos

ET=(exiftool -q -q -overwrite_original)

# --- posters -------------------------------------------------------------------------------------
# poster OUT W H BACKGROUND MVG SLOGAN SUBLINE TEXT_COLOUR TEXT_TOP TEXT_HEIGHT SIGNATURE
#   BACKGROUND: an ImageMagick pseudo-image (gradient:a-b, radial-gradient:a-b, xc:colour)
#   MVG:        drawing primitives for the picture part (shapes / icons)
# Writes a lossless intermediate PNG (no metadata) to OUT.
poster() {
  local out=$1 w=$2 h=$3 bg=$4 mvg=$5 slogan=$6 sub=$7 fg=$8 ty=$9 th=${10} sig=${11}
  local tw=$(( w * 86 / 100 ))
  "${IM[@]}" -size "${w}x${h}" "$bg" \
    -draw "$mvg" \
    \( -size "${tw}x${th}" -background none -fill "$fg" -font "$BOLD" -gravity center \
       caption:"$slogan" \) -gravity north -geometry "+0+${ty}" -composite \
    \( -size "${tw}x$(( h / 22 ))" -background none -fill "$fg" -font "$REG" -gravity center \
       caption:"$sub" \) -gravity north -geometry "+0+$(( ty + th + h / 60 ))" -composite \
    \( -size "$(( w / 3 ))x$(( h / 34 ))" -background none -fill "$fg" -font "$SERIF" -gravity east \
       caption:"$sig" \) -gravity southeast -geometry "+$(( w / 30 ))+$(( h / 60 ))" -composite \
    +set date:create +set date:modify -define png:exclude-chunks=date,time -strip \
    "PNG24:$out"
}

# finishing steps: JPEG (quality 85, no metadata) / PNG (no metadata, no date chunks)
to_jpeg() { "${IM[@]}" "$1" -strip -sampling-factor 2x2 -quality 85 "$2"; }
to_png()  {
  "${IM[@]}" "$1" -strip +set date:create +set date:modify \
    -define png:exclude-chunks=date,time -define png:compression-level=9 "$2"
}

P="$TMP/p"
# 01 JPEG, no metadata
poster "${P}01.png" 900 1200 'gradient:#ff7a18-#ff2d95' \
  "fill rgba(255,255,255,0.18) circle 150,180 150,330 circle 780,1050 780,1250
   fill white roundrectangle 330,230 570,630 30,30 fill #222 roundrectangle 350,270 550,570 10,10
   fill white circle 450,600 450,612 fill #ffd400 circle 450,420 450,470
   fill #222 rectangle 440,395 460,445 circle 450,460 450,466" \
  "Think before you share" "Once it is online, it can stay online." white 690 330 "Ananya, Class 7"
to_jpeg "${P}01.png" posters/poster-01.jpg

# 02 JPEG, no metadata, landscape
poster "${P}02.png" 1280 800 'gradient:#00b4db-#0083b0' \
  "fill rgba(255,255,255,0.15) rectangle 0,0 1280,110
   fill white roundrectangle 170,110 560,330 40,40 polygon 250,325 300,325 220,400
   fill #0083b0 circle 280,220 280,238 circle 365,220 365,238 circle 450,220 450,238
   fill #ffe066 roundrectangle 720,130 1110,350 40,40 polygon 1020,345 1070,345 1100,420
   fill #333 rectangle 860,170 880,260 circle 870,300 870,314 rectangle 940,170 960,260 circle 950,300 950,314" \
  "Tell a trusted adult" "If something online feels wrong, you are not in trouble." white 450 200 "Rohan, Class 8"
to_jpeg "${P}02.png" posters/poster-02.jpg

# 03 JPEG, phone photo, Kolkata GPS
poster "${P}03.png" 960 1280 'gradient:#7b2ff7-#1a1a5e' \
  "fill rgba(255,255,255,0.08) circle 480,420 480,800
   fill #ffcf56 circle 480,330 480,420 fill #1a1a5e circle 450,310 450,322 circle 510,310 510,322
   stroke #1a1a5e stroke-width 8 fill none arc 430,330 530,380 20,160 stroke none
   fill #ffcf56 roundrectangle 360,430 600,650 60,60
   fill rgba(0,0,0,0.55) roundrectangle 330,270 630,350 30,30
   fill white circle 420,310 420,330 circle 540,310 540,330" \
  "Strangers online are still strangers" "A nice profile picture does not tell you who is typing." white 720 360 "Meera, Class 6"
to_jpeg "${P}03.png" posters/poster-03-phone-gps.jpg

# 04 JPEG, phone photo, Delhi GPS, Orientation=6: drawn upright, stored rotated 90 deg
# counter-clockwise, so a viewer that honours Orientation (rotate 90 CW) shows it upright.
poster "${P}04.png" 900 1200 'gradient:#ffe000-#ff3d00' \
  "fill #d50000 polygon 450,120 640,230 640,450 450,560 260,450 260,230
   fill white font '$BOLD' font-size 70 text 332,365 'STOP'
   fill rgba(0,0,0,0.12) rectangle 0,1130 900,1200" \
  "Block. Report. Talk." "Three steps when someone makes you feel unsafe." '#1b1b1b' 640 330 "Tanvir, Class 9"
"${IM[@]}" "${P}04.png" -rotate -90 "${P}04r.png"
to_jpeg "${P}04r.png" posters/poster-04-phone-gps-rotated.jpg

# 05 JPEG, phone photo, Dhaka GPS
poster "${P}05.png" 1080 1350 'gradient:#a8e063-#2f7336' \
  "fill rgba(255,255,255,0.9) polygon 540,110 780,200 780,420 540,580 300,420 300,200
   fill #2f7336 polygon 540,160 730,232 730,410 540,530 350,410 350,232
   fill white roundrectangle 470,300 610,420 12,12
   stroke white stroke-width 18 fill none arc 490,220 590,330 180,360 stroke none
   fill #2f7336 circle 540,350 540,366" \
  "Your body, your rules online" "No one should ask you for photos. Ever." white 680 380 "Priya, Class 10"
to_jpeg "${P}05.png" posters/poster-05-phone-gps.jpg

# 06 JPEG, author metadata only (no GPS)
poster "${P}06.png" 1400 933 'gradient:#0f2027-#2c5364' \
  "fill #ffd166 roundrectangle 560,250 840,450 30,30
   stroke #ffd166 stroke-width 34 fill none arc 600,90 800,320 180,360 stroke none
   fill #0f2027 circle 700,330 700,355 rectangle 690,340 710,410
   fill rgba(255,209,102,0.25) font '$BOLD' font-size 48 text 90,160 '* * * * * *' text 1040,160 '* * * * * *'" \
  "Keep your password secret" "Not even your best friend needs it." '#ffd166' 500 230 "Farhan, Class 8"
to_jpeg "${P}06.png" posters/poster-06-author-only.jpg

# 07 PNG, no metadata
poster "${P}07.png" 1000 1000 'xc:#ffd60a' \
  "fill #003566 circle 250,230 250,330 fill #ffc300 circle 250,230 250,300
   fill #003566 circle 500,200 500,300 fill #ef476f circle 500,200 500,280
   fill #003566 circle 750,230 750,330 fill #06d6a0 circle 750,230 750,300
   fill #003566 font-size 90 text 465,235 '?'" \
  "Not everyone is who they say they are" "" '#003566' 480 330 "Ishita, Class 7"
to_png "${P}07.png" posters/poster-07.png

# 08 PNG, tEXt Author + iTXt XMP + eXIf (with GPS)
poster "${P}08.png" 1200 900 'xc:#240046' \
  "fill #ff9e00 rectangle 0,0 1200,40 fill #ff6d00 rectangle 0,40 1200,80 fill #e85d04 rectangle 0,80 1200,120
   fill #9d4edd roundrectangle 420,170 780,390 30,30 fill white polygon 560,220 560,340 660,280" \
  "Pause. Think. Then click." "That link might not be what it says." '#ffb703' 440 230 "Arjun, Class 9"
to_png "${P}08.png" posters/poster-08-png-author-exif-gps.png

# 09 PNG, tEXt Author only
poster "${P}09.png" 900 1200 'xc:#ffc8dd' \
  "fill #cdb4db rectangle 0,0 900,520
   fill white roundrectangle 240,90 660,440 40,40
   fill #ff5d8f rectangle 290,150 610,180 rectangle 290,220 530,250 rectangle 290,290 580,320
   fill #333 rectangle 290,360 450,390
   fill #5e548e circle 610,380 610,440" \
  "Private info stays private" "Your address, school and phone number are yours." '#5e548e' 620 340 "Sofia, Class 6"
to_png "${P}09.png" posters/poster-09-png-author.png

# 10 PNG, no metadata
poster "${P}10.png" 1200 1200 'radial-gradient:#caf0f8-#0096c7' \
  "fill #ef476f circle 510,330 510,420 circle 690,330 690,420 polygon 425,370 775,370 600,560
   fill rgba(255,255,255,0.5) circle 480,300 480,320
   fill #ffffff circle 200,180 200,220 circle 1000,200 1000,230 circle 150,1000 150,1040" \
  "Be kind online" "Would you say it to their face?" '#023e8a' 660 300 "Kabir, Class 7"
to_png "${P}10.png" posters/poster-10.png

# 11 PNG, no metadata, dark neon
poster "${P}11.png" 960 1280 'xc:#0b0c10' \
  "stroke #66fcf1 stroke-width 14 fill none roundrectangle 60,60 900,1220 40,40
   stroke #f72585 stroke-width 22 fill none circle 480,360 480,560
   stroke #f72585 stroke-width 22 line 340,220 620,500 stroke none" \
  "It's OK to say no" "You can leave any chat, any game, any time." '#66fcf1' 690 300 "Nila, Class 10"
to_png "${P}11.png" posters/poster-11.png

# 12 PNG with alpha channel (transparent rounded corners), no metadata
poster "${P}12.png" 1280 853 'xc:#f1faee' \
  "fill #2a9d8f rectangle 0,0 1280,200
   fill #e9c46a roundrectangle 120,60 360,200 20,20 fill #264653 circle 240,130 240,180
   fill #f4a261 roundrectangle 920,60 1160,200 20,20 fill #264653 circle 1040,130 1040,180
   fill white font '$BOLD' font-size 64 text 560,155 'ASK?'" \
  "Ask before you post a photo of a friend" "Their picture, their choice." '#264653' 300 300 "Dev, Class 8"
"${IM[@]}" "${P}12.png" \( +clone -alpha extract -fill black -colorize 100 -fill white \
  -draw "roundrectangle 0,0 1279,852 70,70" \) -alpha off -compose CopyOpacity -composite \
  "${P}12a.png"
to_png "${P}12a.png" posters/poster-12.png

# --- poster metadata ----------------------------------------------------------------------------
# phone_exif FILE MAKE MODEL SOFTWARE DATETIME OFFSET LAT LON ALT ARTIST CITY COUNTRY
# Writes EXIF (camera, dates, GPS, Artist), an EXIF thumbnail (IFD1), XMP (dc:creator, GPS) and
# IPTC (By-line, City) like a phone camera + a photo app would.
phone_exif() {
  local f=$1 make=$2 model=$3 sw=$4 dt=$5 off=$6 lat=$7 lon=$8 alt=$9 artist=${10} city=${11} country=${12}
  local latref=N lonref=E
  case $lat in -*) latref=S; lat=${lat#-};; esac
  case $lon in -*) lonref=W; lon=${lon#-};; esac
  "${IM[@]}" "$f" -thumbnail 160x160 -strip -quality 75 "$TMP/thumb.jpg"
  local w h
  read -r w h < <("${IM[@]}" identify -format '%w %h\n' "$f" 2>/dev/null || identify -format '%w %h\n' "$f")
  "${ET[@]}" \
    -EXIF:Make="$make" -EXIF:Model="$model" -EXIF:Software="$sw" \
    -EXIF:XResolution=72 -EXIF:YResolution=72 -EXIF:ResolutionUnit=inches -EXIF:YCbCrPositioning=centered \
    -EXIF:ModifyDate="$dt" -EXIF:DateTimeOriginal="$dt" -EXIF:CreateDate="$dt" \
    -EXIF:OffsetTime="$off" -EXIF:OffsetTimeOriginal="$off" -EXIF:OffsetTimeDigitized="$off" \
    -EXIF:SubSecTimeOriginal=347 \
    -EXIF:ExposureTime=1/120 -EXIF:FNumber=1.8 -EXIF:ISO=100 -EXIF:ExposureProgram#=2 \
    -EXIF:FocalLength=4.7 -EXIF:FocalLengthIn35mmFormat=26 -EXIF:Flash#=16 -EXIF:ColorSpace#=1 \
    -EXIF:ExifImageWidth="$w" -EXIF:ExifImageHeight="$h" \
    -EXIF:Artist="$artist" -EXIF:Copyright="(c) $artist" \
    -EXIF:GPSVersionID=2.3.0.0 \
    -EXIF:GPSLatitude="$lat" -EXIF:GPSLatitudeRef="$latref" \
    -EXIF:GPSLongitude="$lon" -EXIF:GPSLongitudeRef="$lonref" \
    -EXIF:GPSAltitude="$alt" -EXIF:GPSAltitudeRef=0 \
    -EXIF:GPSTimeStamp="${dt#* }" -EXIF:GPSDateStamp="${dt%% *}" -EXIF:GPSMapDatum=WGS-84 \
    "-ThumbnailImage<=$TMP/thumb.jpg" \
    -XMP-dc:Creator="$artist" -XMP-xmp:CreatorTool="$sw" -XMP-photoshop:City="$city" \
    -XMP-photoshop:Country="$country" \
    -XMP-exif:GPSLatitude="$lat $latref" -XMP-exif:GPSLongitude="$lon $lonref" \
    -IPTC:By-line="$artist" -IPTC:City="$city" -IPTC:Country-PrimaryLocationName="$country" \
    -IPTC:CodedCharacterSet=UTF8 \
    "$f"
}

phone_exif posters/poster-03-phone-gps.jpg samsung SM-A155F "A155FXXU1AXB2" \
  "2024:03:14 16:42:07" "+05:30" 22.5726 88.3639 11 "Arindam Dey" Kolkata India
phone_exif posters/poster-04-phone-gps-rotated.jpg Apple "iPhone 12" "17.3.1" \
  "2024:03:18 11:05:52" "+05:30" 28.6139 77.2090 216 "Neha Kapoor" "New Delhi" India
"${ET[@]}" -EXIF:Orientation#=6 posters/poster-04-phone-gps-rotated.jpg
phone_exif posters/poster-05-phone-gps.jpg Xiaomi "Redmi Note 12" "MIUI Camera" \
  "2024:03:21 09:27:33" "+06:00" 23.8103 90.4125 9 "Farzana Rahman" Dhaka Bangladesh

# 06: author-only JPEG (desktop edited, no camera, no GPS)
"${ET[@]}" -EXIF:Artist="Kavita Sharma" -EXIF:Copyright="(c) Kavita Sharma" \
  -EXIF:Software="GIMP 2.10.34" -EXIF:ModifyDate="2024:03:12 20:15:00" \
  -XMP-dc:Creator="Kavita Sharma" -XMP-xmp:CreatorTool="GIMP 2.10.34" \
  -IPTC:By-line="Kavita Sharma" -IPTC:CodedCharacterSet=UTF8 \
  -Comment="Scanned and cleaned up by Kavita Sharma for Farhan's school entry" \
  posters/poster-06-author-only.jpg

# 08: PNG with tEXt Author, iTXt XMP packet and an eXIf chunk carrying Artist + GPS (Kolkata)
"${ET[@]}" -PNG:Author="Sunita Banerjee" -PNG:Comment="Made on the class laptop" \
  -XMP-dc:Creator="Sunita Banerjee" \
  -EXIF:Artist="Sunita Banerjee" -EXIF:Software="Canva" -EXIF:DateTimeOriginal="2024:03:15 13:10:00" -EXIF:ColorSpace#=1 \
  -EXIF:GPSVersionID=2.3.0.0 \
  -EXIF:GPSLatitude=22.5726 -EXIF:GPSLatitudeRef=N -EXIF:GPSLongitude=88.3639 -EXIF:GPSLongitudeRef=E \
  -EXIF:GPSAltitude=11 -EXIF:GPSAltitudeRef=0 \
  posters/poster-08-png-author-exif-gps.png
# 09: PNG with a tEXt Author chunk only
"${ET[@]}" -PNG:Author="Rakesh Malhotra" posters/poster-09-png-author.png

# --- essays (PostScript -> PDF with Ghostscript) ------------------------------------------------
# Text files: line 1 title, line 2 byline, then paragraphs separated by blank lines.
ESS="$TMP/essays"; mkdir -p "$ESS"

cat > "$ESS/01.txt" <<'EOF'
Why I Do Not Share My Password Anymore
by Ananya, Grade 7

Last year I gave my gaming password to my best friend because she wanted to help me finish a level. I thought it was fine because we share everything, like snacks and gel pens. But one week later we had a small fight, and somebody changed my profile picture to a funny cartoon of a potato and sent silly messages to other people from my account. Everybody thought I wrote them. I was so embarrassed that I did not want to go to school.

My friend said sorry and we are friends again, but I learned something important. A password is not like a gel pen. It is more like the key to your house. You would not give your house key to someone just because they are nice to you today.

Now I have some rules. My passwords are long and I use a sentence that only I can remember, with numbers in it. I never use my birthday or my pet's name, because lots of people know those things. I do not write my password on the back of my notebook. The only people who can know it are my parents, because they are the trusted adults who look after me.

If you already told someone your password, do not panic. Just change it, and tell a grown-up if anything strange happened. That is what I did, and it made me feel much better.

Think of it this way: your password protects you, so protect your password.
EOF

cat > "$ESS/02.txt" <<'EOF'
The Stranger Who Said He Was Twelve
by Rohan, Grade 8

This essay is about something that happened to my cousin, and she said I could write about it if I did not use her name. She was playing an online game where you build houses with other players. A boy started chatting with her. He said he was twelve, that he lived in the next city, and that he liked the same cartoons as her. He was very friendly and gave her free coins in the game.

After two weeks he asked for her phone number so they could talk on a different app. Then he asked which school she went to. Then he asked for a photo of her in her school uniform. My cousin felt a little strange about it, but she also did not want to be rude, because he had been so nice.

Luckily she told her elder sister, and her sister told their mother. Her mother looked at the chat and said that the way he was talking did not sound like a twelve year old boy at all. They reported the account in the game and blocked him. Later the game company removed the account. We will never know who it really was, and that is the scary part.

Here is what I learned. On the internet, anybody can pretend to be anybody. A photo can be copied from somewhere else. An age can be made up. Free gifts are sometimes a trick to make you feel that you owe somebody something. Real friends do not ask you to keep secrets from your parents, and they do not push you to move to a private app.

Some warning signs that I want every student to remember:

One. Someone you only know online asks for personal details like your address, school, or phone number.

Two. Someone asks for photos, especially photos that you would not show your family.

Three. Someone says "do not tell anyone about our chats".

Four. Someone gets angry or sad when you say no, so that you feel guilty.

If any of these things happen, it is not your fault, and you will not be in trouble. Take a screenshot, block the person, report them, and talk to a trusted adult. A trusted adult can be a parent, an older sibling, a teacher, or the school counsellor. You can also call a child helpline.

My cousin still plays the game, but now she keeps her chat settings on "friends only", and her friends are people she knows in real life. She says she feels safer and still has fun. I think that is the best way to use the internet: have fun, but keep your guard up.

Strangers online are still strangers, even when they know your favourite cartoon.
EOF

cat > "$ESS/03.txt" <<'EOF'
My Five Rules for Being Safe Online
by Meera, Grade 6

My elder brother has a phone and I use the family tablet. Our teacher asked us to write our own rules for staying safe on the internet, so here are mine.

Rule one: I do not tell my full name, my address, or my school to people I do not know. My username is a made-up name with a flower in it.

Rule two: I only accept friend requests from people I have met in real life. If I am not sure who someone is, I ask my mother.

Rule three: If something makes me feel scared, sad, or yucky inside, I close it and tell a grown-up straight away. Even if I clicked on something by mistake, I still tell, because grown-ups can help and they will not be angry.

Rule four: I think before I post. Before I share a picture, I ask myself: would I be happy if my grandmother saw this? If the answer is no, I do not post it.

Rule five: I am kind online. Typing something mean is the same as saying it. There is a real person behind every screen.

These rules are easy, and they keep me safe. I made a poster of them and put it next to our computer at home.
EOF

cat > "$ESS/04.txt" <<'EOF'
Screenshots Last Forever
by Tanvir, Grade 9

Many people in my class use apps where messages and pictures disappear after a few seconds. They think that means whatever they send is gone. It is not. Anyone can take a screenshot, or use another phone to take a photo of the screen. In a few seconds your "disappearing" message can become permanent and be forwarded to a hundred people.

I saw this happen in my old school. A boy sent a joke about a teacher in a group chat that he thought would vanish. Someone screenshotted it and it reached the teacher the same evening. The boy got into serious trouble, and people still remind him about it two years later.

So my advice is simple. Before you send anything, imagine it printed on the school notice board with your name under it. If you would not be comfortable with that, do not send it. This also goes for photos of your friends. Ask them first, because it is their face and their choice.

And if someone sends you a screenshot that hurts another person, do not forward it. Be the place where it stops. That is one of the easiest ways to be a good friend online.
EOF

cat > "$ESS/05.txt" <<'EOF'
Cyberbullying Is Real Bullying
by Priya, Grade 10

When people talk about bullying, they usually picture someone being pushed in the corridor or having their lunch taken. But a lot of bullying today happens on phones, late at night, when no teacher is watching. It happens in group chats, in comments under a video, and in fake accounts made to laugh at someone. I want to explain why cyberbullying is just as serious as bullying at school, and what we students can do about it.

First, cyberbullying follows you home. When I was in Grade 8, a girl in my section was added to a group where everyone posted mean stickers about her. She could leave the group, but she knew it was still there, and she kept wondering what they were saying. At school there is a bell at the end of the day. Online, there is no bell.

Second, the audience is much bigger. A rude remark in class is heard by maybe twenty people. A post can be seen by hundreds, and it can be shared again and again. Even people who never met the victim join in, because it looks like a game. Many of them would never say those words to someone's face.

Third, people who bully online often think they are anonymous, so they go further than they would in person. But nothing online is truly anonymous. Accounts can be reported, and schools and police can find out who is behind them.

So what can we do? If you are being bullied: do not reply, because that is what the bully wants. Take screenshots as evidence, block the account, and report it on the platform. Most importantly, tell an adult you trust. It can feel embarrassing, but keeping it to yourself makes it heavier. You are not weak for asking for help.

If you see someone else being bullied, you have more power than you think. Do not like, share, or laugh at the post. Send the person a private message to say you are on their side. Report the content. Tell a teacher. Research says that bullying stops much faster when even one bystander speaks up.

And if you realise that you have been part of it, even just by adding a laughing emoji, it is never too late to stop, delete it, and say sorry.

Our school has a counsellor and a box where you can leave a note without your name. I think every school should have this. I also think every class should talk about online kindness at the start of the year, not only after something bad has happened.

Cyberbullying is real bullying. The screen does not make the hurt any smaller. Let us make our group chats a place where everyone is safe.
EOF

cat > "$ESS/06.txt" <<'EOF'
What My Little Brother Taught Me About Games
by Farhan, Grade 8

My little brother is seven and he loves an online racing game. One evening he came running to me and said a player had offered him one thousand free gems if he typed in my father's phone number and the code that came by message. He was so excited. I told him to stop right away.

I explained to him that this is a trick called a scam. The code was to take control of my father's account. Nobody gives away one thousand gems for free. If something sounds too good to be true, it probably is.

What made me proud was that he asked me before doing it. That is the most important rule: when you are not sure, ask. We told our parents together, and my father reported the player in the game.

Now my brother and I have a deal. He can play, but he never types numbers, passwords, or codes that someone in the game asks for. And if anyone offers him free things, he comes to me first. Sometimes the little ones teach us too: he reminded me that asking for help is smart, not babyish.
EOF

cat > "$ESS/07.txt" <<'EOF'
Talking to My Mum About the Internet
by Ishita, Grade 7

For a long time I did not tell my mum anything about what I did online. I thought she would not understand the apps, or that she would take my phone away. Then our class had an awareness session, and the speaker said that the biggest protection for children online is having an adult they can talk to. So I decided to try.

I showed my mum the apps I use and who I follow. She did not get angry. She asked questions, and some of them were actually good, like "do you know all the people who can see your posts?" I did not, so we changed my account to private together.

We also made a family rule: phones charge in the living room at night. At first I did not like it, but now I sleep better and I do not see strange messages at midnight.

My advice for other students is: talk to your parents before something goes wrong, not after. It is much easier to ask for help from someone who already knows your online world. And for parents: please listen first. We will tell you more if you do not shout.
EOF

cat > "$ESS/08.txt" <<'EOF'
Location On, Safety Off?
by Arjun, Grade 9

Did you know that a photo you take with your phone can contain the exact place where you took it? Phones save hidden information inside pictures, called metadata. It can include the date, the time, the phone model, and the GPS position, sometimes accurate to a few metres. If you take a picture in your bedroom and post the original file, someone could find out where you live.

I tested this with my father's help. We took a photo in our garden and opened it with a free tool on the computer. It showed our street on a map. I was shocked, because the photo itself was just a picture of our dog.

Some apps remove this information when you upload, but not all of them do, and when you send files by email or in a chat as a "document", the location usually stays inside. Location sharing in maps and social apps is another risk. Many students share their live location with people they barely know.

Here is what I do now. I turned off location for the camera app. I only share my live location with my family. Before I send a picture to anyone I do not know well, I remove the details or send a screenshot instead.

Location on can mean safety off. Check your settings today. It only takes two minutes.
EOF

ps_escape() { sed -e 's/\\/\\\\/g' -e 's/(/\\(/g' -e 's/)/\\)/g'; }

# make_ps TEXTFILE PSFILE [PDFMARK-LINE]
make_ps() {
  local txt=$1 ps=$2 docinfo=${3:-}
  local title byline
  title=$(sed -n 1p "$txt" | ps_escape)
  byline=$(sed -n 2p "$txt" | ps_escape)
  {
    cat <<'EOF'
%!PS-Adobe-3.0
%%BoundingBox: 0 0 595 842
%%DocumentMedia: A4 595 842 0 () ()
%%EndComments
<< /PageSize [595 842] >> setpagedevice
/LM 72 def /RM 523 def /TM 770 def /BM 72 def /LH 18 def
/body { /Times-Roman 13 selectfont } def
/pageno 1 def
/footer { /Helvetica 9 selectfont 0.45 setgray
  LM 40 moveto (Online Safety Awareness Week - essay competition) show
  RM 40 moveto (Page ) pageno 3 string cvs concatstr dup stringwidth pop neg 0 rmoveto show
  0 setgray body } def
/concatstr { exch dup length 2 index length add string dup dup 4 2 roll copy length
  4 -1 roll putinterval } def
/newpage { footer showpage /pageno pageno 1 add def /y TM def body LM y moveto } def
/nl { /y y LH sub def y BM lt { newpage } if LM y moveto } def
/wordshow { dup stringwidth pop currentpoint pop add RM gt { nl } if
  show ( ) show } def
/para { { ( ) search { wordshow pop } { wordshow exit } ifelse } loop nl nl } def
EOF
    [ -n "$docinfo" ] && printf '%s\n' "$docinfo"
    printf '/Helvetica-Bold 20 selectfont LM 770 moveto (%s) show\n' "$title"
    printf '/Helvetica-Oblique 12 selectfont LM 748 moveto (%s) show\n' "$byline"
    printf '0.6 setgray LM 738 moveto RM 738 lineto 0.5 setlinewidth stroke 0 setgray\n'
    printf '/y 712 def body LM y moveto\n'
    # paragraphs: lines 4.. joined, blank line = paragraph break
    tail -n +4 "$txt" | ps_escape | awk '
      /^$/ { if (p != "") print "(" p ") para"; p = ""; next }
      { p = (p == "" ? $0 : p " " $0) }
      END { if (p != "") print "(" p ") para" }'
    printf 'footer showpage\n%%%%EOF\n'
  } > "$ps"
}

# to_pdf PSFILE PDFFILE  (-dOmitID/-dOmitXMP/-dOmitInfoDate keep the output byte-for-byte stable)
to_pdf() {
  gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -dCompatibilityLevel=1.7 \
     -dOmitID -dOmitXMP -dOmitInfoDate -sOutputFile="$2" "$1"
}

for n in 01 03 04 06 07 08; do
  make_ps "$ESS/$n.txt" "$ESS/$n.ps"
  to_pdf "$ESS/$n.ps" "essays/essay-$n.pdf"
done

# essays with document-info + XMP metadata naming an adult (teacher / parent) who typed them up
make_ps "$ESS/02.txt" "$ESS/02.ps" \
  "[ /Title (The Stranger Who Said He Was Twelve) /Author (Sunita Banerjee) /Creator (Microsoft Word for Microsoft 365) /Subject (Class 8B essay, Online Safety Awareness Week) /Keywords (online safety, essay, Class 8B) /CreationDate (D:20240311094512+05'30') /ModDate (D:20240311101733+05'30') /DOCINFO pdfmark"
to_pdf "$ESS/02.ps" essays/essay-02-with-author.pdf
"${ET[@]}" -PDF:Producer="Microsoft Word for Microsoft 365" \
  -XMP-dc:Creator="Sunita Banerjee" -XMP-dc:Title="The Stranger Who Said He Was Twelve" \
  -XMP-xmp:CreatorTool="Microsoft Word for Microsoft 365" -XMP-xmp:CreateDate="2024:03:11 09:45:12+05:30" \
  -XMP-xmp:ModifyDate="2024:03:11 10:17:33+05:30" -XMP-pdf:Producer="Microsoft Word for Microsoft 365" \
  essays/essay-02-with-author.pdf

make_ps "$ESS/05.txt" "$ESS/05.ps" \
  "[ /Title (Cyberbullying Is Real Bullying) /Author (Rakesh Malhotra) /Creator (Writer) /CreationDate (D:20240316213005+05'30') /ModDate (D:20240316214410+05'30') /DOCINFO pdfmark"
to_pdf "$ESS/05.ps" "$TMP/05.pdf"
cp "$TMP/05.pdf" essays/essay-05-with-author.pdf
"${ET[@]}" -PDF:Producer="LibreOffice 7.5" \
  -XMP-dc:Creator="Rakesh Malhotra" -XMP-dc:Title="Cyberbullying Is Real Bullying" \
  -XMP-xmp:CreatorTool="Writer" -XMP-xmp:CreateDate="2024:03:16 21:30:05+05:30" \
  -XMP-pdf:Producer="LibreOffice 7.5" \
  essays/essay-05-with-author.pdf

# --- videos ------------------------------------------------------------------------------------
BITEXACT=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -threads 1)

# 01: MP4 (H.264 + AAC), 480x270, 4 s, from poster 02, with artist/title/location/date user data
ffmpeg -nostdin -loglevel error -y \
  -loop 1 -framerate 25 -i "${P}02.png" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=4" \
  -filter_complex "[0:v]scale=480:300,crop=480:270:0:'min(30,t*10)',format=yuv420p,fade=in:0:12[v];[1:a]volume=0.2[a]" \
  -map "[v]" -map "[a]" -t 4 \
  -c:v libx264 -preset medium -crf 28 -profile:v high -pix_fmt yuv420p -x264-params threads=1 \
  -c:a aac -b:a 48k -ac 1 \
  -map_metadata -1 \
  -metadata title="Tell a trusted adult - Rohan's video" \
  -metadata artist="Arindam Dey" \
  -metadata comment="Filmed at home in Kolkata" \
  -metadata location="+22.5726+088.3639/" \
  -metadata creation_time="2024-03-14T11:12:13Z" \
  -movflags +faststart "${BITEXACT[@]}" \
  videos/video-01-location.mp4
# ffmpeg's mp4 muxer turns "location" into a 3GPP udta/loci atom and artist/title into
# udta/meta/ilst (\251ART, \251nam). Add the udta/\251xyz ISO 6709 atom that Android phones write;
# exiftool rewrites moov in place, so moov stays before mdat (faststart kept).
"${ET[@]}" "-UserData:GPSCoordinates=22.5726, 88.3639, 11" videos/video-01-location.mp4

# 02: WebM (VP9), 320x240, 3 s, test pattern + slogan, no personal metadata
ffmpeg -nostdin -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x240:rate=20:duration=3" \
  -vf "drawbox=x=0:y=170:w=320:h=70:color=black@0.6:t=fill,drawtext=fontfile=$BOLD:text='Block. Report. Talk.':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=190" \
  -c:v libvpx-vp9 -b:v 0 -crf 42 -deadline good -cpu-used 4 -row-mt 0 -pix_fmt yuv420p -an \
  -map_metadata -1 -metadata title="Block Report Talk" "${BITEXACT[@]}" \
  videos/video-02-testpattern.webm

# --- manifest ----------------------------------------------------------------------------------
cat > manifest.csv <<'EOF'
file,category,contentType,title,hasGps,hasAuthorMetadata
posters/poster-01.jpg,poster,image/jpeg,Think Before You Share!,false,false
posters/poster-02.jpg,poster,image/jpeg,Tell a Trusted Adult,false,false
posters/poster-03-phone-gps.jpg,poster,image/jpeg,Strangers Online Are Still Strangers,true,true
posters/poster-04-phone-gps-rotated.jpg,poster,image/jpeg,Block. Report. Talk.,true,true
posters/poster-05-phone-gps.jpg,poster,image/jpeg,"Your Body, Your Rules Online",true,true
posters/poster-06-author-only.jpg,poster,image/jpeg,Keep Your Password a Secret,false,true
posters/poster-07.png,poster,image/png,Not Everyone Is Who They Say They Are,false,false
posters/poster-08-png-author-exif-gps.png,poster,image/png,Pause Think Then Click,true,true
posters/poster-09-png-author.png,poster,image/png,My Private Info Stays Private,false,true
posters/poster-10.png,poster,image/png,Be Kind Online (Hearts Poster),false,false
posters/poster-11.png,poster,image/png,It's OK to Say No,false,false
posters/poster-12.png,poster,image/png,Ask Before You Post a Photo of a Friend,false,false
essays/essay-01.pdf,essay,application/pdf,Why I Do Not Share My Password Anymore,false,false
essays/essay-02-with-author.pdf,essay,application/pdf,The Stranger Who Said He Was Twelve,false,true
essays/essay-03.pdf,essay,application/pdf,My Five Rules for Being Safe Online,false,false
essays/essay-04.pdf,essay,application/pdf,Screenshots Last Forever,false,false
essays/essay-05-with-author.pdf,essay,application/pdf,Cyberbullying Is Real Bullying,false,true
essays/essay-06.pdf,essay,application/pdf,What My Little Brother Taught Me About Games,false,false
essays/essay-07.pdf,essay,application/pdf,Talking to My Mum About the Internet,false,false
essays/essay-08.pdf,essay,application/pdf,"Location On, Safety Off?",false,false
videos/video-01-location.mp4,video,video/mp4,Tell a Trusted Adult (My Video),true,true
videos/video-02-testpattern.webm,video,video/webm,Block Report Talk Video,false,false
EOF

# --- self-check: the metadata README.md promises is really there --------------------------------
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }
has() { # has FILE TAG  -> exiftool prints a non-empty value
  [ -n "$(exiftool -s3 -a "-$2" "$1" 2>/dev/null | head -1)" ]
}
for f in posters/poster-03-phone-gps.jpg posters/poster-04-phone-gps-rotated.jpg posters/poster-05-phone-gps.jpg; do
  for t in EXIF:GPSLatitude EXIF:GPSLongitude EXIF:GPSAltitude EXIF:Make EXIF:Model EXIF:DateTimeOriginal \
           EXIF:Artist EXIF:ThumbnailImage XMP-dc:Creator IPTC:By-line; do
    has "$f" "$t" || fail "$f lacks $t"
  done
done
[ "$(exiftool -s3 -n -EXIF:Orientation posters/poster-04-phone-gps-rotated.jpg)" = 6 ] || fail "orientation"
for t in EXIF:Artist XMP-dc:Creator IPTC:By-line File:Comment; do
  has posters/poster-06-author-only.jpg "$t" || fail "poster-06 lacks $t"
done
has posters/poster-06-author-only.jpg EXIF:GPSLatitude && fail "poster-06 must have no GPS"
for t in PNG:Author XMP-dc:Creator EXIF:Artist EXIF:GPSLatitude EXIF:GPSLongitude; do
  has posters/poster-08-png-author-exif-gps.png "$t" || fail "poster-08 lacks $t"
done
has posters/poster-09-png-author.png PNG:Author || fail "poster-09 lacks PNG:Author"
for f in essays/essay-02-with-author.pdf essays/essay-05-with-author.pdf; do
  for t in PDF:Author PDF:Creator PDF:Producer PDF:CreateDate XMP-dc:Creator; do
    has "$f" "$t" || fail "$f lacks $t"
  done
done
for f in essays/essay-0[134678].pdf; do
  has "$f" PDF:Author && fail "$f must have no Author"
done
for t in UserData:GPSCoordinates UserData:LocationInformation ItemList:Artist; do
  has videos/video-01-location.mp4 "$t" || fail "video-01 lacks $t"
done
# no leftover personal metadata in the "plain" files
for f in posters/poster-01.jpg posters/poster-02.jpg posters/poster-07.png posters/poster-10.png \
         posters/poster-11.png posters/poster-12.png videos/video-02-testpattern.webm; do
  out=$(exiftool -a -G1 -s -GPS:all -Artist -Author -Creator -By-line "$f" 2>/dev/null || true)
  [ -z "$out" ] || fail "$f should be plain but has: $out"
done
# sizes
total=$(du -sk posters essays videos | awk '{s+=$1} END {print s}')
[ "$total" -lt 4096 ] || fail "samples are ${total} KiB, over 4 MiB"
for v in videos/*; do [ "$(stat -c %s "$v")" -lt 409600 ] || fail "$v over 400 KB"; done

echo "uploads-sample: $(ls posters | wc -l) posters, $(ls essays | wc -l) essays, $(ls videos | wc -l) videos, ${total} KiB - all checks passed"
