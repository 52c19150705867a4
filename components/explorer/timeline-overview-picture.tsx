import { headers } from "next/headers";
import {
  TIMELINE_AXIS_HEIGHT as AXIS_HEIGHT,
  TIMELINE_LABEL_WIDTH as LABEL_WIDTH,
  TIMELINE_LANE_HEIGHT as LANE_HEIGHT,
} from "@/lib/explorer/timeline-hit-test";
import type { TimelineOverview } from "@/lib/explorer/timeline-overview";

/**
 * Marks the explorer's first paint (`window.__tracepipeFirstPaint`, read by the explorer benchmark) with the
 * browser's own paint time, by Element Timing: the lane names carry `elementtiming`, and their entry's
 * `renderTime` is when the frame showing them was presented. Element Timing times images and text, not SVG
 * shapes, so the names come after the picture in the document: the parser reaches them after the SVG, so no frame
 * shows them without it, and their time is the picture's or later, never earlier. Browsers without Element Timing
 * mark nothing here; the canvas marks its own first frame then. Registered as the page parses (entries are
 * buffered), long before any bundle has run.
 */
const markFirstPaintScript = `(function(){try{new PerformanceObserver(function(list,observer){
var entry=list.getEntries().filter(function(e){return e.identifier==="timeline-overview"})[0];if(!entry)return;
if(window.__tracepipeFirstPaint===undefined)window.__tracepipeFirstPaint=entry.renderTime||entry.startTime;
observer.disconnect()}).observe({type:"element",buffered:true})}catch(e){}})()`;

/** React passes the attribute through; its JSX types do not list it yet. */
const elementTiming: Record<string, string> = { elementtiming: "timeline-overview" };

/**
 * The timeline's opening view, drawn by the server from each lane's overview tile, in the explorer's own layout
 * and theme colours: it paints with the page, before any script has loaded, and the canvas replaces it once the
 * explorer has hydrated and fetched its tiles. A server component, so none of this is in the page's scripts.
 */
export async function TimelineOverviewPicture({ overview }: { overview: TimelineOverview }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const height = overview.lanes.length * LANE_HEIGHT;
  return (
    <div
      className="flex flex-col gap-3"
      role="status"
      aria-label="Loading timeline"
      data-testid="timeline-overview"
    >
      {/* Where the explorer's toolbar goes. */}
      <div className="h-[30px]" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 overflow-hidden rounded-lg border">
          <div
            className="border-b px-1.5 pt-1 text-[11px] text-muted-foreground"
            style={{ height: AXIS_HEIGHT }}
            aria-hidden="true"
          >
            Time
          </div>
          <div className="relative" style={{ height }} aria-hidden="true">
            <svg
              id="timeline-overview"
              aria-hidden="true"
              className="absolute inset-y-0 right-0"
              style={{ left: LABEL_WIDTH, width: `calc(100% - ${LABEL_WIDTH}px)`, height }}
              viewBox={`0 0 ${overview.columns} ${height}`}
              preserveAspectRatio="none"
            >
              {overview.lanes.map((lane, i) => (
                <g key={lane.id}>
                  {i % 2 ? (
                    <rect
                      y={i * LANE_HEIGHT}
                      width={overview.columns}
                      height={LANE_HEIGHT}
                      fill="var(--timeline-stripe)"
                    />
                  ) : null}
                  {lane.fills.map((fill) => (
                    <path key={fill.slot} d={fill.d} fill={`var(--timeline-${fill.slot + 1})`} />
                  ))}
                  {lane.flagMarks ? <path d={lane.flagMarks} fill="var(--timeline-flag)" /> : null}
                  {lane.flagOutlines ? (
                    <path
                      d={lane.flagOutlines}
                      fill="none"
                      stroke="var(--timeline-flag)"
                      vectorEffect="non-scaling-stroke"
                    />
                  ) : null}
                </g>
              ))}
            </svg>
            {overview.lanes.map((lane, i) => (
              <div
                key={lane.id}
                className="absolute inset-x-0 flex flex-col gap-[3px] truncate py-[5px] pl-1.5 leading-none text-[var(--timeline-label)]"
                style={{
                  top: i * LANE_HEIGHT,
                  height: LANE_HEIGHT,
                  width: LABEL_WIDTH,
                  background: i % 2 ? "var(--timeline-stripe)" : undefined,
                }}
              >
                <span className="truncate text-xs" {...elementTiming}>
                  {lane.label}
                </span>
                <span className="truncate text-[10px]">{lane.count.toLocaleString()}</span>
              </div>
            ))}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, no user input */}
            <script nonce={nonce} dangerouslySetInnerHTML={{ __html: markFirstPaintScript }} />
          </div>
        </div>
        <div className="rounded-lg border p-4 text-sm text-muted-foreground">Loading the explorer…</div>
      </div>
    </div>
  );
}
