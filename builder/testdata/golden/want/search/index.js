window.BRIEF_SEARCH={"v":2,"docs":12,"per":32,
"shards":[["",3177]],
"actors":[["christiana-figueres","Christiana Figueres",["Figueres"]],
["france","France",[]],
["laurent-fabius","Laurent Fabius",["Fabius","Fabious"]],
["paris","Paris",[]],
["unfccc","UNFCCC",["UN climate convention"]]],
"vocab":["adopted","agreement","cop21","for","kyoto","meets","opens","paris","protocol","signature"]};
